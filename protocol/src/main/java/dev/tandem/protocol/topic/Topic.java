package dev.tandem.protocol.topic;

import java.util.Objects;

/**
 * A concrete per-device topic, {@code fleet/{deviceId}/{kind}}.
 *
 * @param deviceId the device the topic belongs to
 * @param kind what is published on it
 */
public record Topic(DeviceId deviceId, TopicKind kind) {

  /** Requires both components. */
  public Topic {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(kind, "kind");
  }

  /** The topic name, e.g. {@code fleet/press-07/telemetry}. */
  public String name() {
    return Topics.ROOT + "/" + deviceId.value() + "/" + kind.suffix();
  }

  @Override
  public String toString() {
    return name();
  }
}
