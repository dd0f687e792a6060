package dev.tandem.edge.filter;

/** Exponential smoothing: {@code s = alpha * x + (1 - alpha) * s}, seeded by the first reading. */
public final class ExponentialSmoothing implements ReadingFilter {
  private final double alpha;
  private double smoothed;
  private boolean seeded;

  /**
   * @param alpha weight of the newest reading, in (0, 1]
   */
  public ExponentialSmoothing(double alpha) {
    if (!(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("smoothing alpha must be in (0, 1], got " + alpha);
    }
    this.alpha = alpha;
  }

  @Override
  public double apply(double value) {
    if (!seeded) {
      smoothed = value;
      seeded = true;
    } else {
      smoothed += alpha * (value - smoothed);
    }
    return smoothed;
  }

  @Override
  public void reset() {
    seeded = false;
  }
}
