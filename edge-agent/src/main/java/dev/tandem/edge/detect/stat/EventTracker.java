package dev.tandem.edge.detect.stat;

import dev.tandem.edge.detect.DetectorSignal;

/**
 * Turns scores into events with hysteresis: an event is raised by a score at or above the raise
 * level and cleared only after the score has stayed below the (lower) clear level for a number of
 * consecutive readings, so a score hovering near a level does not flap.
 */
final class EventTracker {
  private final double raiseScore;
  private final double clearScore;
  private final int clearReadings;
  private boolean active;
  private int calm;

  EventTracker(double raiseScore, double clearScore, int clearReadings) {
    this.raiseScore = raiseScore;
    this.clearScore = clearScore;
    this.clearReadings = clearReadings;
  }

  /**
   * @param score the reported score, which raises
   * @param unfiltered the score before repeats were damped, which must calm down to clear
   */
  DetectorSignal step(double score, double unfiltered) {
    if (!active) {
      if (score >= raiseScore) {
        active = true;
        calm = 0;
        return DetectorSignal.RAISED;
      }
      return DetectorSignal.QUIET;
    }
    calm = unfiltered < clearScore ? calm + 1 : 0;
    if (calm >= clearReadings) {
      active = false;
      calm = 0;
      return DetectorSignal.CLEARED;
    }
    return DetectorSignal.ACTIVE;
  }

  boolean active() {
    return active;
  }

  void clear() {
    active = false;
    calm = 0;
  }
}
