package dev.tandem.deploy.state;

import java.util.EnumSet;
import java.util.Set;

/** The life of one wave: PENDING -> UPDATING -> BAKING -> PASSED, or STOPPED from either. */
public enum WavePhase {
  /** Not started. */
  PENDING,
  /** Its devices are being sent the new version; it bakes once enough are ACTIVE. */
  UPDATING,
  /** Enough devices are ACTIVE; health is being watched for the bake time. */
  BAKING,
  /** Baked and passed its health gate. */
  PASSED,
  /** The rollout stopped during this wave (failure threshold, health gate, operator). */
  STOPPED;

  /** The phases this one may move to. */
  public Set<WavePhase> next() {
    return switch (this) {
      case PENDING -> EnumSet.of(UPDATING, STOPPED);
      case UPDATING -> EnumSet.of(BAKING, STOPPED);
      // A resumed wave bakes again from the start; a paused one goes back to updating.
      case BAKING -> EnumSet.of(PASSED, STOPPED, UPDATING);
      case STOPPED -> EnumSet.of(UPDATING);
      case PASSED -> EnumSet.noneOf(WavePhase.class);
    };
  }

  /**
   * Checks the move.
   *
   * @throws IllegalTransitionException if it is not legal
   */
  public WavePhase moveTo(WavePhase to) {
    if (!next().contains(to)) {
      throw new IllegalTransitionException("a wave", this, to);
    }
    return to;
  }
}
