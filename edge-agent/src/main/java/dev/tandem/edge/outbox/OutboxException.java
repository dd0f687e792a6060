package dev.tandem.edge.outbox;

import java.util.Objects;

/** An outbox operation failed; {@link #code()} says why. */
public class OutboxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final OutboxErrorCode code;

  public OutboxException(OutboxErrorCode code, String message) {
    this(code, message, null);
  }

  public OutboxException(OutboxErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  public OutboxErrorCode code() {
    return code;
  }
}
