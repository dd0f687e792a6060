package dev.tandem.ingest.bridge;

import dev.tandem.ingest.validate.ValidationLimits;
import dev.tandem.protocol.stream.FleetStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one bridge instance needs.
 *
 * @param streams the fleet streams to forward (all five by default)
 * @param drainTimeout how long a stopping bridge waits for Kafka to acknowledge what it holds
 */
public record BridgeConfig(
    MqttSettings mqtt,
    KafkaSettings kafka,
    ValidationLimits limits,
    Set<FleetStream> streams,
    Duration drainTimeout) {

  public BridgeConfig {
    Objects.requireNonNull(mqtt, "mqtt");
    Objects.requireNonNull(kafka, "kafka");
    Objects.requireNonNull(limits, "limits");
    if (streams == null || streams.isEmpty()) {
      throw new IllegalArgumentException("streams must name at least one stream");
    }
    streams = Set.copyOf(EnumSet.copyOf(streams));
    if (drainTimeout == null || drainTimeout.isNegative()) {
      throw new IllegalArgumentException("drain-timeout must not be negative");
    }
  }

  /** Every stream, default limits, 30 s drain. */
  public static BridgeConfig of(MqttSettings mqtt, KafkaSettings kafka) {
    return new BridgeConfig(
        mqtt,
        kafka,
        ValidationLimits.DEFAULTS,
        EnumSet.allOf(FleetStream.class),
        Duration.ofSeconds(30));
  }
}
