package dev.tandem.edge.update;

import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.update.UpdateFailureReason;
import java.util.Objects;

/** An update step failed for a stated reason; the active model is untouched. */
final class UpdateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final UpdateFailureReason reason;

  UpdateException(UpdateFailureReason reason, String detail) {
    super(detail);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  UpdateException(UpdateFailureReason reason, String detail, Throwable cause) {
    super(detail, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  static UpdateException of(ProtocolException e) {
    return new UpdateException(UpdateFailureReason.of(e.code()), e.getMessage(), e);
  }

  UpdateFailureReason reason() {
    return reason;
  }

  /** The text of {@code UpdateStepReport.reason}. */
  String reportText() {
    return reason.reportText(getMessage());
  }
}
