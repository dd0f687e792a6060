package dev.tandem.edgemodel;

/** An edge model that is refused, with the stable reason in {@link #error()}. */
public final class EdgeModelException extends RuntimeException {
  private final EdgeModelError error;

  public EdgeModelException(EdgeModelError error, String detail) {
    super(error.code() + ": " + detail);
    this.error = error;
  }

  /** The reason, stable across releases. */
  public EdgeModelError error() {
    return error;
  }
}
