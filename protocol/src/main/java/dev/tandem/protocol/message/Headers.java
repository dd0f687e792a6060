package dev.tandem.protocol.message;

import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.v1.Header;
import java.time.Instant;
import java.util.Objects;

/** Creates and checks message {@link Header}s. */
public final class Headers {

  private Headers() {}

  /**
   * Returns a header stamped with the current {@link SchemaVersion#SCHEMA_VERSION}.
   *
   * @param sequence the per-device sequence number, starting at 1
   * @param timestamp when the message was created; stored in epoch milliseconds
   * @throws ProtocolException with {@link ProtocolErrorCode#INVALID_HEADER} if {@code sequence} is
   *     below 1 or the timestamp is not after the epoch
   */
  public static Header create(DeviceId deviceId, long sequence, Instant timestamp) {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(timestamp, "timestamp");
    Header header =
        Header.newBuilder()
            .setDeviceId(deviceId.value())
            .setSequence(sequence)
            .setSchemaVersion(SchemaVersion.SCHEMA_VERSION)
            .setTimestampMs(timestamp.toEpochMilli())
            .build();
    check(header, "Header");
    return header;
  }

  /** The header's device id, validated. */
  public static DeviceId deviceId(Header header) {
    return DeviceId.of(header.getDeviceId());
  }

  /**
   * Checks every header field.
   *
   * @param messageType name of the enclosing message, for error messages
   * @throws ProtocolException with {@link ProtocolErrorCode#UNSUPPORTED_SCHEMA_VERSION} or {@link
   *     ProtocolErrorCode#INVALID_HEADER} naming the field
   */
  static void check(Header header, String messageType) {
    int version = header.getSchemaVersion();
    if (!SchemaVersion.isSupported(version)) {
      throw new ProtocolException(
          ProtocolErrorCode.UNSUPPORTED_SCHEMA_VERSION,
          messageType
              + " header.schema_version is "
              + version
              + (version == 0 ? " (unset)" : "")
              + "; this reader supports "
              + SchemaVersion.MIN_SUPPORTED
              + " to "
              + SchemaVersion.SCHEMA_VERSION);
    }
    try {
      DeviceId.of(header.getDeviceId());
    } catch (ProtocolException e) {
      throw new ProtocolException(
          ProtocolErrorCode.INVALID_HEADER,
          messageType + " header.device_id is invalid: " + e.getMessage(),
          e);
    }
    if (header.getSequence() == 0) {
      throw new ProtocolException(
          ProtocolErrorCode.INVALID_HEADER,
          messageType + " header.sequence is 0 (unset); sequences start at 1");
    }
    if (header.getTimestampMs() <= 0) {
      throw new ProtocolException(
          ProtocolErrorCode.INVALID_HEADER,
          messageType
              + " header.timestamp_ms must be positive epoch milliseconds, got "
              + header.getTimestampMs());
    }
  }
}
