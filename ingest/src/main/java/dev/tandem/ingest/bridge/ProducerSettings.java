package dev.tandem.ingest.bridge;

import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Producer properties: durable (acks=all, idempotent, ordered) first, fast second. Public so that
 * benchmarks measure a raw producer with exactly the bridge's settings.
 */
public final class ProducerSettings {
  private ProducerSettings() {}

  /** The properties of the producer that writes the fleet streams. */
  public static Properties forStreams(KafkaSettings kafka) {
    Properties props = common(kafka);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "tandem-bridge");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
    props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
    props.putAll(kafka.producerOverrides());
    return props;
  }

  static Properties forDeadLetters(KafkaSettings kafka) {
    Properties props = common(kafka);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "tandem-bridge-dead-letters");
    props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 16L * 1024 * 1024);
    props.putAll(kafka.producerOverrides());
    return props;
  }

  private static Properties common(KafkaSettings kafka) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    props.put(ProducerConfig.LINGER_MS_CONFIG, (int) kafka.linger().toMillis());
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    // Transient errors (a broker restarting, a leader moving) are retried inside the producer for
    // up to two minutes; beyond that the bridge re-sends the record itself.
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
    return props;
  }
}
