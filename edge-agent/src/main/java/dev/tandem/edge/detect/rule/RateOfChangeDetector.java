package dev.tandem.edge.detect.rule;

import dev.tandem.edge.detect.Detector;
import dev.tandem.edge.detect.DetectorSignal;

/**
 * Raises when the reading changes faster than {@code maxPerSecond} (in either direction) between
 * consecutive readings, for {@code debounce} consecutive readings; clears when it has been slower
 * for as many. Readings with the same timestamp as the previous one are skipped.
 */
public final class RateOfChangeDetector implements Detector {
  private final double maxPerSecond;
  private final Debounce debounce;
  private boolean hasPrevious;
  private long previousTime;
  private double previousValue;
  private double score;

  public RateOfChangeDetector(double maxPerSecond, int debounce) {
    if (!(maxPerSecond > 0) || Double.isInfinite(maxPerSecond)) {
      throw new IllegalArgumentException(
          "rate-of-change limit must be positive, got " + maxPerSecond);
    }
    this.maxPerSecond = maxPerSecond;
    this.debounce = new Debounce(debounce);
  }

  @Override
  public DetectorSignal update(long timestampMillis, double value) {
    if (!hasPrevious || timestampMillis <= previousTime) {
      boolean first = !hasPrevious;
      hasPrevious = true;
      previousTime = Math.max(previousTime, timestampMillis);
      previousValue = value;
      return first || !debounce.active() ? DetectorSignal.QUIET : DetectorSignal.ACTIVE;
    }
    double rate = Math.abs(value - previousValue) * 1000.0 / (timestampMillis - previousTime);
    previousTime = timestampMillis;
    previousValue = value;
    score = Math.min(1, rate / (2 * maxPerSecond));
    return debounce.step(rate > maxPerSecond, rate <= maxPerSecond);
  }

  @Override
  public double score() {
    return score;
  }

  @Override
  public String name() {
    return "rate-of-change";
  }

  @Override
  public void reset() {
    debounce.reset();
    hasPrevious = false;
    previousTime = 0;
    score = 0;
  }
}
