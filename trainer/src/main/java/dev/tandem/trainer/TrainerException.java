package dev.tandem.trainer;

/** A training job that failed, with the stable reason in {@link #error()}. */
public final class TrainerException extends RuntimeException {
  private final TrainerError error;

  public TrainerException(TrainerError error, String detail) {
    super(error.code() + ": " + detail);
    this.error = error;
  }

  public TrainerException(TrainerError error, String detail, Throwable cause) {
    super(error.code() + ": " + detail, cause);
    this.error = error;
  }

  public TrainerError error() {
    return error;
  }
}
