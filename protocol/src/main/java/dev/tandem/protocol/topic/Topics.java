package dev.tandem.protocol.topic;

import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;

/** Builds and parses Tandem MQTT topic names and subscription filters. */
public final class Topics {

  /** First level of every Tandem topic. */
  public static final String ROOT = "fleet";

  private static final String PREFIX = ROOT + "/";

  private Topics() {}

  /** Returns {@code fleet/{deviceId}/{kind}}. */
  public static String topic(DeviceId deviceId, TopicKind kind) {
    return new Topic(deviceId, kind).name();
  }

  /** Returns {@code fleet/{deviceId}/telemetry}. */
  public static String telemetry(DeviceId deviceId) {
    return topic(deviceId, TopicKind.TELEMETRY);
  }

  /** Returns {@code fleet/{deviceId}/events}. */
  public static String events(DeviceId deviceId) {
    return topic(deviceId, TopicKind.EVENTS);
  }

  /** Returns {@code fleet/{deviceId}/state}; publish retained. */
  public static String state(DeviceId deviceId) {
    return topic(deviceId, TopicKind.STATE);
  }

  /** Returns {@code fleet/{deviceId}/desired}; publish retained. */
  public static String desired(DeviceId deviceId) {
    return topic(deviceId, TopicKind.DESIRED);
  }

  /** Returns {@code fleet/{deviceId}/updates}. */
  public static String updates(DeviceId deviceId) {
    return topic(deviceId, TopicKind.UPDATES);
  }

  /** Returns {@code fleet/{deviceId}/samples}. */
  public static String samples(DeviceId deviceId) {
    return topic(deviceId, TopicKind.SAMPLES);
  }

  /** Returns {@code fleet/{deviceId}/infer/request}. */
  public static String inferRequest(DeviceId deviceId) {
    return topic(deviceId, TopicKind.INFER_REQUEST);
  }

  /** Returns {@code fleet/{deviceId}/infer/response}, the MQTT 5 response topic of a device. */
  public static String inferResponse(DeviceId deviceId) {
    return topic(deviceId, TopicKind.INFER_RESPONSE);
  }

  /** Returns the filter matching {@code kind} for every device, e.g. {@code fleet/+/telemetry}. */
  public static String allDevices(TopicKind kind) {
    return PREFIX + "+/" + kind.suffix();
  }

  /**
   * Returns an MQTT 5 shared-subscription filter, e.g. {@code $share/ingest/fleet/+/telemetry}, so
   * that the members of {@code group} split the messages of all devices between them.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#INVALID_SHARE_GROUP} if the group name
   *     is empty, longer than 64 characters or has characters outside [A-Za-z0-9._-]
   */
  public static String shared(String group, TopicKind kind) {
    TopicLevel.check(group, "share group", ProtocolErrorCode.INVALID_SHARE_GROUP);
    return "$share/" + group + "/" + allDevices(kind);
  }

  /**
   * Parses a concrete topic name back into device id and kind.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#MALFORMED_TOPIC} if the topic is not
   *     {@code fleet/{deviceId}/...}, {@link ProtocolErrorCode#INVALID_DEVICE_ID} if the device
   *     level is not a valid device id, {@link ProtocolErrorCode#UNKNOWN_TOPIC_KIND} if the rest is
   *     not a known kind
   */
  public static Topic parse(String topic) {
    if (topic == null) {
      throw new ProtocolException(ProtocolErrorCode.MALFORMED_TOPIC, "topic must not be null");
    }
    if (!topic.startsWith(PREFIX)) {
      throw new ProtocolException(
          ProtocolErrorCode.MALFORMED_TOPIC,
          "topic " + TopicLevel.echo(topic) + " does not start with '" + PREFIX + "'");
    }
    int deviceEnd = topic.indexOf('/', PREFIX.length());
    if (deviceEnd < 0) {
      throw new ProtocolException(
          ProtocolErrorCode.MALFORMED_TOPIC,
          "topic "
              + TopicLevel.echo(topic)
              + " has no kind level after the device id; expected fleet/{deviceId}/{kind}");
    }
    DeviceId deviceId = DeviceId.of(topic.substring(PREFIX.length(), deviceEnd));
    String suffix = topic.substring(deviceEnd + 1);
    return TopicKind.fromSuffix(suffix)
        .map(kind -> new Topic(deviceId, kind))
        .orElseThrow(
            () ->
                new ProtocolException(
                    ProtocolErrorCode.UNKNOWN_TOPIC_KIND,
                    "unknown topic kind "
                        + TopicLevel.echo(suffix)
                        + " in topic "
                        + TopicLevel.echo(topic)
                        + "; known kinds: "
                        + TopicKind.knownSuffixes()));
  }
}
