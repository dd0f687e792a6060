package dev.tandem.deploy.state;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a rollout.
 *
 * <pre>
 * CREATED -> RUNNING -> COMPLETED
 *              |  ^
 *              v  |
 *            PAUSED          any of CREATED, RUNNING, PAUSED -> ABORTED
 * RUNNING -> FAILED          RUNNING, PAUSED, COMPLETED, ABORTED, FAILED -> ROLLING_BACK -> ROLLED_BACK
 * </pre>
 */
public enum RolloutState {
  /** Stored, not started: the next tick starts it. */
  CREATED,
  /** Sending waves. */
  RUNNING,
  /** Stopped by an operator or by a failed wave; in-flight updates go on. */
  PAUSED,
  /** Every wave passed. A completed rollout still sends its version to devices that join later. */
  COMPLETED,
  /** Stopped for good by an operator; devices keep what they have. */
  ABORTED,
  /** Setting the previous version on every device the rollout touched. */
  ROLLING_BACK,
  /** Every touched device was sent its previous version. */
  ROLLED_BACK,
  /** Stopped for good by a failed wave (strategy onFailure=FAIL). */
  FAILED;

  /** The states this one may move to. */
  public Set<RolloutState> next() {
    return switch (this) {
      case CREATED -> EnumSet.of(RUNNING, ABORTED);
      case RUNNING -> EnumSet.of(PAUSED, COMPLETED, ABORTED, ROLLING_BACK, FAILED);
      case PAUSED -> EnumSet.of(RUNNING, ABORTED, ROLLING_BACK);
      case COMPLETED, ABORTED, FAILED -> EnumSet.of(ROLLING_BACK);
      case ROLLING_BACK -> EnumSet.of(ROLLED_BACK);
      case ROLLED_BACK -> EnumSet.noneOf(RolloutState.class);
    };
  }

  /** Whether it may move to {@code to}. */
  public boolean canMoveTo(RolloutState to) {
    return next().contains(to);
  }

  /**
   * Checks the move.
   *
   * @throws IllegalTransitionException if it is not legal
   */
  public RolloutState moveTo(RolloutState to) {
    if (!canMoveTo(to)) {
      throw new IllegalTransitionException("a rollout", this, to);
    }
    return to;
  }

  /** Whether it still claims its devices: a second rollout of the model may not target them. */
  public boolean claimsDevices() {
    return this == CREATED || this == RUNNING || this == PAUSED || this == ROLLING_BACK;
  }

  /** Whether nothing more happens to it, except perhaps a rollback. */
  public boolean isFinal() {
    return this == ABORTED || this == ROLLED_BACK || this == FAILED;
  }
}
