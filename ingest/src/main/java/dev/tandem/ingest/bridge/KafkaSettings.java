package dev.tandem.ingest.bridge;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the bridge writes to Kafka.
 *
 * @param bootstrapServers {@code host:port[,host:port...]}
 * @param partitions partitions of each fleet topic when the bridge creates it
 * @param replicationFactor replication of each fleet topic when the bridge creates it
 * @param linger how long the producer waits to fill a batch (throughput against latency)
 * @param retryBackoff wait before re-sending a record whose delivery failed
 * @param producerOverrides further producer properties, applied last (never {@code acks} or
 *     idempotence: those are what makes delivery at-least-once and ordered)
 */
public record KafkaSettings(
    String bootstrapServers,
    int partitions,
    short replicationFactor,
    Duration linger,
    Duration retryBackoff,
    Map<String, String> producerOverrides) {

  public KafkaSettings {
    if (bootstrapServers == null || !bootstrapServers.matches("[^\\s,]+:\\d+(,[^\\s,]+:\\d+)*")) {
      throw new IllegalArgumentException(
          "bootstrap-servers must be host:port[,host:port...]: " + bootstrapServers);
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException(
          "replication-factor must be at least 1: " + replicationFactor);
    }
    Objects.requireNonNull(linger, "linger");
    Objects.requireNonNull(retryBackoff, "retryBackoff");
    producerOverrides = Map.copyOf(producerOverrides);
    for (String key : producerOverrides.keySet()) {
      if (key.equals("acks") || key.startsWith("enable.idempotence")) {
        throw new IllegalArgumentException(
            "producer." + key + " cannot be overridden: the bridge needs acks=all and idempotence");
      }
    }
  }

  /** Six partitions, no replication, 2 ms linger. */
  public static KafkaSettings of(String bootstrapServers) {
    return new KafkaSettings(
        bootstrapServers, 6, (short) 1, Duration.ofMillis(2), Duration.ofMillis(500), Map.of());
  }
}
