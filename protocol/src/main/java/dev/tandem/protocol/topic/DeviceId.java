package dev.tandem.protocol.topic;

import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;

/**
 * A device identifier that is safe to use as one MQTT topic level: 1 to 64 characters from
 * [A-Za-z0-9._-], not starting with '.' or '-'. It can therefore never contain '/', '+', '#',
 * whitespace or control characters.
 *
 * @param value the identifier
 */
public record DeviceId(String value) {

  /** Longest accepted device id, in characters. */
  public static final int MAX_LENGTH = TopicLevel.MAX_LENGTH;

  /**
   * Validates the identifier.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#INVALID_DEVICE_ID} naming the problem
   */
  public DeviceId {
    TopicLevel.check(value, "device id", ProtocolErrorCode.INVALID_DEVICE_ID);
  }

  /**
   * Returns the device id for {@code value}.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#INVALID_DEVICE_ID} if it is not valid
   */
  public static DeviceId of(String value) {
    return new DeviceId(value);
  }

  /** Returns whether {@code value} would be accepted as a device id. */
  public static boolean isValid(String value) {
    try {
      TopicLevel.check(value, "device id", ProtocolErrorCode.INVALID_DEVICE_ID);
      return true;
    } catch (ProtocolException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
