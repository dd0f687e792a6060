package dev.tandem.edge.detect.rule;

import dev.tandem.edge.detect.DetectorSignal;

/**
 * Turns a per-reading condition into event signals: an event starts after {@code raiseAfter}
 * consecutive readings meet the raise condition and ends after {@code clearAfter} meet the clear
 * condition.
 */
final class Debounce {
  private final int raiseAfter;
  private final int clearAfter;
  private boolean active;
  private int streak;

  Debounce(int readings) {
    this(readings, readings);
  }

  /**
   * @param raiseAfter consecutive readings meeting the raise condition that start an event
   * @param clearAfter consecutive readings meeting the clear condition that end it
   */
  Debounce(int raiseAfter, int clearAfter) {
    if (raiseAfter < 1) {
      throw new IllegalArgumentException("debounce must be at least 1 reading, got " + raiseAfter);
    }
    if (clearAfter < 1) {
      throw new IllegalArgumentException(
          "clear-after must be at least 1 reading, got " + clearAfter);
    }
    this.raiseAfter = raiseAfter;
    this.clearAfter = clearAfter;
  }

  DetectorSignal step(boolean raiseCondition, boolean clearCondition) {
    if (!active) {
      streak = raiseCondition ? streak + 1 : 0;
      if (streak >= raiseAfter) {
        active = true;
        streak = 0;
        return DetectorSignal.RAISED;
      }
      return DetectorSignal.QUIET;
    }
    streak = clearCondition ? streak + 1 : 0;
    if (streak >= clearAfter) {
      active = false;
      streak = 0;
      return DetectorSignal.CLEARED;
    }
    return DetectorSignal.ACTIVE;
  }

  boolean active() {
    return active;
  }

  void reset() {
    active = false;
    streak = 0;
  }
}
