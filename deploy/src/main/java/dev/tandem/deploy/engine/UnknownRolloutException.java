package dev.tandem.deploy.engine;

/** No rollout has this id. */
public final class UnknownRolloutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnknownRolloutException(String id) {
    super("no rollout " + id);
  }
}
