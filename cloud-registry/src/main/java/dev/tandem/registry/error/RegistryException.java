package dev.tandem.registry.error;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Objects;

/**
 * The base of every failure the control plane reports to a caller. Its message is shown to the
 * caller as it is: say what went wrong in terms of the request, never with internals.
 */
public class RegistryException extends RuntimeException {
  private final ErrorCode code;

  public RegistryException(ErrorCode code, String message) {
    this(code, message, null);
  }

  public RegistryException(ErrorCode code, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ErrorCode code() {
    return code;
  }

  /** A missing resource, e.g. {@code notFound("audit entry", 42)}. */
  public static RegistryException notFound(String what, Object id) {
    return new RegistryException(ErrorCode.NOT_FOUND, "no " + what + " " + id);
  }

  /**
   * Translates a JDBC failure while {@code doing} something: lost or refused connections become
   * {@link ErrorCode#DATABASE_UNAVAILABLE}, anything else {@link ErrorCode#INTERNAL_ERROR}.
   */
  public static RegistryException fromSql(String doing, SQLException e) {
    String state = e.getSQLState();
    boolean unavailable =
        e instanceof SQLTransientException || (state != null && state.startsWith("08"));
    return unavailable
        ? new RegistryException(
            ErrorCode.DATABASE_UNAVAILABLE, "the database is unavailable while " + doing, e)
        : new RegistryException(ErrorCode.INTERNAL_ERROR, "database error while " + doing, e);
  }
}
