package dev.tandem.edge.detect.rule;

import dev.tandem.edge.detect.DetectorSignal;

/**
 * Turns a per-reading condition into event signals: an event starts after {@code readings}
 * consecutive readings meet the raise condition and ends after as many meet the clear condition.
 */
final class Debounce {
  private final int readings;
  private boolean active;
  private int streak;

  Debounce(int readings) {
    if (readings < 1) {
      throw new IllegalArgumentException("debounce must be at least 1 reading, got " + readings);
    }
    this.readings = readings;
  }

  DetectorSignal step(boolean raiseCondition, boolean clearCondition) {
    if (!active) {
      streak = raiseCondition ? streak + 1 : 0;
      if (streak >= readings) {
        active = true;
        streak = 0;
        return DetectorSignal.RAISED;
      }
      return DetectorSignal.QUIET;
    }
    streak = clearCondition ? streak + 1 : 0;
    if (streak >= readings) {
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
