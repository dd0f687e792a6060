package dev.tandem.protocol.topic;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of per-device topics under {@code fleet/{deviceId}/}, with their MQTT properties. */
public enum TopicKind {
  /** Window summaries ({@code WindowSummary}). */
  TELEMETRY("telemetry", Direction.DEVICE_TO_CLOUD, false),
  /** Events and alerts ({@code Event}); never dropped before telemetry. */
  EVENTS("events", Direction.DEVICE_TO_CLOUD, false),
  /** The device's reported state ({@code DeviceStateReport}), retained. */
  STATE("state", Direction.DEVICE_TO_CLOUD, true),
  /** What the device should run ({@code DesiredState}), retained. */
  DESIRED("desired", Direction.CLOUD_TO_DEVICE, true),
  /** Progress of model updates ({@code UpdateStepReport}). */
  UPDATES("updates", Direction.DEVICE_TO_CLOUD, false),
  /** Raw readings sampled for training ({@code RawSampleBatch}). */
  SAMPLES("samples", Direction.DEVICE_TO_CLOUD, false),
  /** Cloud inference requests ({@code InferenceRequest}). */
  INFER_REQUEST("infer/request", Direction.DEVICE_TO_CLOUD, false),
  /** Cloud inference responses ({@code InferenceResponse}), the MQTT 5 response topic. */
  INFER_RESPONSE("infer/response", Direction.CLOUD_TO_DEVICE, false);

  /** Who publishes on a topic kind. */
  public enum Direction {
    /** The device publishes, the cloud subscribes. */
    DEVICE_TO_CLOUD,
    /** The cloud publishes, the device subscribes. */
    CLOUD_TO_DEVICE
  }

  private final String suffix;
  private final Direction direction;
  private final boolean retained;

  TopicKind(String suffix, Direction direction, boolean retained) {
    this.suffix = suffix;
    this.direction = direction;
    this.retained = retained;
  }

  /** The topic levels after the device id, e.g. {@code "infer/request"}. */
  public String suffix() {
    return suffix;
  }

  /** Who publishes on this kind of topic. */
  public Direction direction() {
    return direction;
  }

  /** Whether messages on this kind of topic are published with the MQTT retain flag. */
  public boolean retained() {
    return retained;
  }

  /** Finds the kind whose {@link #suffix()} equals {@code suffix}. */
  public static Optional<TopicKind> fromSuffix(String suffix) {
    return Arrays.stream(values()).filter(k -> k.suffix.equals(suffix)).findFirst();
  }

  static String knownSuffixes() {
    return Arrays.stream(values()).map(TopicKind::suffix).collect(Collectors.joining(", "));
  }
}
