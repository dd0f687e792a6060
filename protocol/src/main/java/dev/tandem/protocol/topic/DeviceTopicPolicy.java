package dev.tandem.protocol.topic;

import dev.tandem.protocol.ProtocolException;

/**
 * What a device may do on the broker, whichever broker enforces it (the embedded one's extension,
 * or a production broker asking the control plane's {@code /api/v1/mqtt/authorize}): publish on its
 * own device-to-cloud topics, subscribe to its own cloud-to-device topics, nothing else. A device
 * holds one login, so a stolen one reaches only that device's topics; no wildcard filters, so it
 * cannot listen to the fleet.
 */
public final class DeviceTopicPolicy {
  private DeviceTopicPolicy() {}

  /** What a client wants to do on a topic. */
  public enum Action {
    PUBLISH,
    SUBSCRIBE
  }

  /**
   * The answer, with why.
   *
   * @param allowed whether the device may
   * @param reason one line, for the broker's log and the control plane's answer
   */
  public record Decision(boolean allowed, String reason) {
    static Decision allow(String reason) {
      return new Decision(true, reason);
    }

    static Decision deny(String reason) {
      return new Decision(false, reason);
    }
  }

  /**
   * Whether device {@code deviceId} may {@code action} on {@code topic} (a topic name, or for
   * {@link Action#SUBSCRIBE} a filter).
   */
  public static Decision check(String deviceId, String topic, Action action) {
    if (topic == null || topic.isEmpty()) {
      return Decision.deny("empty topic");
    }
    if (topic.contains("#") || topic.contains("+") || topic.startsWith("$")) {
      return Decision.deny("devices may not use wildcards, shared or system topics");
    }
    Topic parsed;
    try {
      parsed = Topics.parse(topic);
    } catch (ProtocolException e) {
      return Decision.deny("not a fleet topic: " + e.getMessage());
    }
    if (!parsed.deviceId().value().equals(deviceId)) {
      return Decision.deny("topic of device " + parsed.deviceId().value() + ", not of " + deviceId);
    }
    TopicKind.Direction wanted =
        action == Action.PUBLISH
            ? TopicKind.Direction.DEVICE_TO_CLOUD
            : TopicKind.Direction.CLOUD_TO_DEVICE;
    if (parsed.kind().direction() != wanted) {
      return Decision.deny(
          "devices may not "
              + action.name().toLowerCase(java.util.Locale.ROOT)
              + " on "
              + parsed.kind().suffix());
    }
    return Decision.allow("own " + parsed.kind().suffix() + " topic");
  }
}
