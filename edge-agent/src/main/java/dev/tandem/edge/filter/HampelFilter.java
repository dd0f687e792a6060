package dev.tandem.edge.filter;

import dev.tandem.edge.rolling.SortedWindow;

/**
 * Hampel outlier filter: a reading further than {@code sigmas} robust standard deviations (1.4826 x
 * MAD) from the median of the last {@code window} readings is replaced by that median; others pass
 * unchanged. Causal: the window holds the current and previous readings.
 */
public final class HampelFilter implements ReadingFilter {
  /** Scales a median absolute deviation to a standard deviation under normal noise. */
  static final double MAD_TO_SIGMA = 1.4826;

  private final SortedWindow window;
  private final double[] scratch;
  private final double sigmas;
  private long replaced;

  /**
   * @param window readings considered, at least 3
   * @param sigmas outlier distance in robust standard deviations, positive
   */
  public HampelFilter(int window, double sigmas) {
    if (window < 3) {
      throw new IllegalArgumentException("hampel window must be at least 3, got " + window);
    }
    if (!(sigmas > 0) || Double.isInfinite(sigmas)) {
      throw new IllegalArgumentException("hampel sigmas must be positive, got " + sigmas);
    }
    this.window = new SortedWindow(window);
    this.scratch = new double[window];
    this.sigmas = sigmas;
  }

  @Override
  public double apply(double value) {
    window.add(value);
    if (window.size() < 3) {
      return value;
    }
    double median = window.median();
    double sigma = MAD_TO_SIGMA * window.medianAbsoluteDeviation(median, scratch);
    if (Math.abs(value - median) > sigmas * sigma && sigma > 0) {
      replaced++;
      return median;
    }
    return value;
  }

  /** How many readings were replaced since construction or reset. */
  public long replaced() {
    return replaced;
  }

  @Override
  public void reset() {
    window.clear();
    replaced = 0;
  }
}
