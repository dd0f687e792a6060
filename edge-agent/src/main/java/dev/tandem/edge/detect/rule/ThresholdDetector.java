package dev.tandem.edge.detect.rule;

import dev.tandem.edge.detect.Detector;
import dev.tandem.edge.detect.DetectorSignal;

/**
 * Raises when readings leave [{@code low}, {@code high}] for {@code debounce} consecutive readings,
 * and clears only once they are back inside by at least {@code hysteresis} for as many, so a value
 * hovering at the limit does not flap.
 */
public final class ThresholdDetector implements Detector {
  private final double low;
  private final double high;
  private final double hysteresis;
  private final Debounce debounce;
  private double score;

  /**
   * @param low lower limit, or {@code Double.NEGATIVE_INFINITY} for none
   * @param high upper limit, or {@code Double.POSITIVE_INFINITY} for none
   * @param hysteresis how far back inside the limits a reading must be to count toward clearing
   * @param debounce consecutive readings needed to raise and to clear
   */
  public ThresholdDetector(double low, double high, double hysteresis, int debounce) {
    this(low, high, hysteresis, debounce, debounce);
  }

  /**
   * @param clearAfter consecutive readings back inside that end an event; a burst of short
   *     excursions stays one event when this is longer than the gaps between them
   */
  public ThresholdDetector(
      double low, double high, double hysteresis, int debounce, int clearAfter) {
    if (Double.isNaN(low) || Double.isNaN(high) || !(low < high)) {
      throw new IllegalArgumentException(
          "threshold needs low < high, got low=%s high=%s".formatted(low, high));
    }
    if (!(hysteresis >= 0) || Double.isInfinite(hysteresis)) {
      throw new IllegalArgumentException("threshold hysteresis must be >= 0, got " + hysteresis);
    }
    this.low = low;
    this.high = high;
    this.hysteresis = hysteresis;
    this.debounce = new Debounce(debounce, clearAfter);
  }

  @Override
  public DetectorSignal update(long timestampMillis, double value) {
    boolean outside = value > high || value < low;
    boolean wellInside = value <= high - hysteresis && value >= low + hysteresis;
    DetectorSignal signal = debounce.step(outside, wellInside);
    score = outside ? 1 : 0;
    return signal;
  }

  @Override
  public double score() {
    return score;
  }

  @Override
  public String name() {
    return "threshold";
  }

  @Override
  public void reset() {
    debounce.reset();
    score = 0;
  }
}
