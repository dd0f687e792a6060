package dev.tandem.edge.model;

/** No model could answer: none is active, or the active one (and its fallback) failed. */
public final class InferenceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InferenceException(String message) {
    super(message);
  }

  public InferenceException(String message, Throwable cause) {
    super(message, cause);
  }
}
