package dev.tandem.protocol;

import java.util.Objects;

/**
 * Thrown when input violates the Tandem protocol. Always carries a stable {@link
 * ProtocolErrorCode}; the message names the offending field, key or value. None of these errors can
 * succeed on retry with the same input.
 */
public class ProtocolException extends RuntimeException {

  private final ProtocolErrorCode code;

  /** Creates an exception with the given code and a specific message. */
  public ProtocolException(ProtocolErrorCode code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** Creates an exception with the given code, a specific message and the underlying cause. */
  public ProtocolException(ProtocolErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** The stable error code. */
  public ProtocolErrorCode code() {
    return code;
  }

  @Override
  public String toString() {
    return code + ": " + getMessage();
  }
}
