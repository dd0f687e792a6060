package dev.tandem.edge.detect.stat;

/**
 * Numenta's anomaly likelihood over a stream of raw scores in [0, 1]: the average of the last few
 * raw scores is compared with the long-run distribution of such averages (a normal distribution
 * with exponentially weighted mean and variance), and its upper tail probability is returned as a
 * surprise in decades ({@code -log10 p}). Floors on the mean and variance keep a stream whose raw
 * scores are almost always 0 from calling every small blip an anomaly. O(averaging) per reading, no
 * allocation.
 */
public final class AnomalyLikelihood {
  static final double MEAN_FLOOR = 0.03;
  static final double VARIANCE_FLOOR = 3e-4;
  private static final int MIN_HISTORY = 50;

  private final double[] recent;
  private final double horizon;
  private int next;
  private int filled;
  private long count;
  private double mean;
  private double variance;

  /**
   * @param averaging raw scores averaged before their likelihood is judged
   * @param horizon time constant, in readings, of the long-run mean and variance of the averages
   */
  public AnomalyLikelihood(int averaging, int horizon) {
    if (averaging < 1 || horizon < 2) {
      throw new IllegalArgumentException(
          "averaging must be >= 1 and horizon >= 2, got %d and %d".formatted(averaging, horizon));
    }
    this.recent = new double[averaging];
    this.horizon = horizon;
  }

  /**
   * Adds a raw score in [0, 1] and returns the surprise of the recent average, before learning from
   * it.
   */
  public double add(double raw) {
    recent[next] = raw;
    next = (next + 1) % recent.length;
    filled = Math.min(filled + 1, recent.length);
    double sum = 0;
    for (int i = 0; i < filled; i++) {
      sum += recent[i];
    }
    double average = sum / filled;
    double surprise = 0;
    if (count >= MIN_HISTORY) {
      double z =
          (average - Math.max(MEAN_FLOOR, mean)) / Math.sqrt(Math.max(VARIANCE_FLOOR, variance));
      surprise = Gaussian.upperTailDecades(z);
    }
    count++;
    double weight = Math.max(1.0 / count, 1.0 / horizon);
    double delta = average - mean;
    mean += weight * delta;
    variance = (1 - weight) * (variance + weight * delta * delta);
    return surprise;
  }

  public void clear() {
    next = 0;
    filled = 0;
    count = 0;
    mean = 0;
    variance = 0;
  }
}
