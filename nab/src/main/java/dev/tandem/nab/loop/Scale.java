package dev.tandem.nab.loop;

import java.util.Arrays;

/**
 * How a stream's values are normalised for a model: {@code (value - center) / spread}. Fitted
 * robustly (median, interquartile range, floored at a share of the full range) on the rows a model
 * is trained on, and shipped with the model so that the device normalises the same way.
 *
 * @param center subtracted from each value
 * @param spread each value is divided by it; always positive
 */
public record Scale(double center, double spread) {
  public Scale {
    if (!Double.isFinite(center)) {
      throw new IllegalArgumentException("center must be finite, got " + center);
    }
    if (!(spread > 0) || Double.isInfinite(spread)) {
      throw new IllegalArgumentException("spread must be finite and > 0, got " + spread);
    }
  }

  /** Fits the scale of the first {@code rows} values of {@code history}. */
  public static Scale fit(History history, int rows) {
    double[] sorted = new double[rows];
    for (int i = 0; i < rows; i++) {
      sorted[i] = history.value(i);
    }
    Arrays.sort(sorted);
    double median = quantile(sorted, 0.5);
    double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
    double range = rows == 0 ? 0 : sorted[rows - 1] - sorted[0];
    // A stream that sits at one value most of the time has IQR 0; its range still sets a scale.
    double spread = Math.max(iqr, 0.1 * range);
    if (!(spread > 0)) {
      spread = Math.max(1e-9, Math.abs(median) * 1e-3);
    }
    return new Scale(rows == 0 ? 0 : median, spread);
  }

  private static double quantile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[(int) Math.round(q * (sorted.length - 1))];
  }

  public double normalize(double value) {
    return (value - center) / spread;
  }

  public double denormalize(double normalized) {
    return normalized * spread + center;
  }
}
