package dev.tandem.registry.error;

import io.minio.errors.ErrorResponseException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** One-line descriptions of why a call to another server failed, for health data and logs. */
public final class Reasons {
  private static final int MAX_DEPTH = 10;

  private Reasons() {}

  /** Why {@code failure} happened, without class names or stack frames. */
  public static String describe(Throwable failure) {
    Throwable e = unwrap(failure);
    if (e instanceof ErrorResponseException s3) {
      var error = s3.errorResponse();
      return "S3 answered %s: %s".formatted(error.code(), error.message());
    }
    if (e instanceof UnknownHostException) {
      return "unknown host " + e.getMessage();
    }
    if (e instanceof ConnectException) {
      return "cannot connect: " + messageOf(e);
    }
    if (e instanceof SocketTimeoutException) {
      return "timed out: " + messageOf(e);
    }
    return messageOf(e);
  }

  /** The innermost meaningful exception: wrappers without a message of their own are peeled. */
  static Throwable unwrap(Throwable failure) {
    Throwable e = failure;
    for (int depth = 0; depth < MAX_DEPTH && e.getCause() != null && e.getCause() != e; depth++) {
      boolean wrapper =
          e instanceof CompletionException
              || e instanceof ExecutionException
              || e.getClass().getName().equals("io.minio.errors.MinioException")
              || e.getMessage() == null
              || e.getMessage().equals(e.getCause().toString());
      if (!wrapper) {
        break;
      }
      e = e.getCause();
    }
    return e;
  }

  private static String messageOf(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      Throwable cause = e.getCause();
      return cause != null && cause != e ? messageOf(cause) : "failed without a message";
    }
    return message.lines().findFirst().orElse(message).strip();
  }
}
