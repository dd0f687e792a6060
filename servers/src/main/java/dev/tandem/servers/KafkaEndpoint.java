package dev.tandem.servers;

import java.util.Objects;

/**
 * How to reach a Kafka cluster.
 *
 * @param bootstrapServers comma-separated {@code host:port} list
 */
public record KafkaEndpoint(String bootstrapServers) {
  public KafkaEndpoint {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    if (!bootstrapServers.matches("[^,\\s]+:\\d+(,[^,\\s]+:\\d+)*")) {
      throw new IllegalArgumentException(
          "kafka bootstrap servers must be host:port[,host:port...], got '%s'"
              .formatted(bootstrapServers));
    }
  }
}
