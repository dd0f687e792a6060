package dev.tandem.edge.window;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;

/**
 * Running statistics of a set of readings: count, mean and variance (Welford, merged with Chan's
 * formula), min, max, and quantiles within 1% relative error from a DDSketch capped at {@value
 * #MAX_BINS} bins, so memory stays bounded whatever the values. Reused, never allocated per
 * reading.
 */
public final class WindowStats {
  static final double RELATIVE_ACCURACY = 0.01;
  static final int MAX_BINS = 512;

  private final DDSketch sketch = DDSketches.collapsingLowestDense(RELATIVE_ACCURACY, MAX_BINS);
  private long count;
  private double mean;
  private double m2;
  private double min;
  private double max;

  void add(double value) {
    count++;
    double delta = value - mean;
    mean += delta / count;
    m2 += delta * (value - mean);
    if (count == 1) {
      min = value;
      max = value;
    } else {
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    sketch.accept(value);
  }

  void merge(WindowStats other) {
    if (other.count == 0) {
      return;
    }
    if (count == 0) {
      min = other.min;
      max = other.max;
    } else {
      min = Math.min(min, other.min);
      max = Math.max(max, other.max);
    }
    long total = count + other.count;
    double delta = other.mean - mean;
    mean += delta * other.count / total;
    m2 += other.m2 + delta * delta * count * other.count / total;
    count = total;
    sketch.mergeWith(other.sketch);
  }

  void clear() {
    count = 0;
    mean = 0;
    m2 = 0;
    min = 0;
    max = 0;
    sketch.clear();
  }

  public long count() {
    return count;
  }

  public double mean() {
    return mean;
  }

  /** Population standard deviation; 0 for fewer than two readings. */
  public double stddev() {
    return count < 2 ? 0 : Math.sqrt(m2 / count);
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }

  /** The value at quantile {@code q} in [0, 1], clamped to the exact min and max. */
  public double quantile(double q) {
    if (count == 0) {
      return 0;
    }
    return Math.max(min, Math.min(max, sketch.getValueAtQuantile(q)));
  }
}
