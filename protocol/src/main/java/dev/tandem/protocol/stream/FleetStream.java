package dev.tandem.protocol.stream;

import dev.tandem.protocol.topic.TopicKind;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The Kafka topics that device-to-cloud fleet messages land in. Records are keyed by device id
 * (UTF-8) so that one device's messages stay in order in one partition; the value is the exact
 * protobuf bytes the device published.
 */
public enum FleetStream {
  /** Window summaries ({@code WindowSummary}). */
  TELEMETRY(TopicKind.TELEMETRY, "tandem.telemetry.v1"),
  /** Events and alerts ({@code Event}). */
  EVENTS(TopicKind.EVENTS, "tandem.events.v1"),
  /** Reported device state ({@code DeviceStateReport}), compacted by device id. */
  STATE(TopicKind.STATE, "tandem.device-state.v1"),
  /** Model update progress ({@code UpdateStepReport}). */
  UPDATES(TopicKind.UPDATES, "tandem.update-reports.v1"),
  /** Raw readings sampled for training ({@code RawSampleBatch}). */
  SAMPLES(TopicKind.SAMPLES, "tandem.samples.v1");

  /**
   * Where messages that failed validation go, with the original bytes and a machine-readable reason
   * in {@link RecordHeaderNames#DEAD_LETTER_REASON}.
   */
  public static final String DEAD_LETTER_TOPIC = "tandem.dead-letter.v1";

  private final TopicKind kind;
  private final String kafkaTopic;

  FleetStream(TopicKind kind, String kafkaTopic) {
    this.kind = kind;
    this.kafkaTopic = kafkaTopic;
  }

  /** The MQTT topic kind the messages arrive on. */
  public TopicKind kind() {
    return kind;
  }

  /** The Kafka topic the messages are written to. */
  public String kafkaTopic() {
    return kafkaTopic;
  }

  /** The stream for messages published on MQTT topics of {@code kind}, if they are ingested. */
  public static Optional<FleetStream> ofKind(TopicKind kind) {
    Objects.requireNonNull(kind, "kind");
    return Arrays.stream(values()).filter(s -> s.kind == kind).findFirst();
  }

  /** The stream written to {@code kafkaTopic}, if it is one of Tandem's. */
  public static Optional<FleetStream> ofKafkaTopic(String kafkaTopic) {
    return Arrays.stream(values()).filter(s -> s.kafkaTopic.equals(kafkaTopic)).findFirst();
  }
}
