package dev.tandem.deploy.state;

/** A state machine was asked to move where it may not, e.g. a COMPLETED rollout to PAUSED. */
public final class IllegalTransitionException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final String from;
  private final String to;

  public IllegalTransitionException(String what, Enum<?> from, Enum<?> to) {
    super(what + " cannot go from " + from + " to " + to);
    this.from = from.name();
    this.to = to.name();
  }

  /** The state it is in. */
  public String from() {
    return from;
  }

  /** The state it was asked to enter. */
  public String to() {
    return to;
  }
}
