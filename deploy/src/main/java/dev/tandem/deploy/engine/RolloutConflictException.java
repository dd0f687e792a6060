package dev.tandem.deploy.engine;

/** Another rollout of the same model already claims some of the targeted devices. */
public final class RolloutConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RolloutConflictException(String message) {
    super(message);
  }
}
