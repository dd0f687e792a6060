package dev.tandem.trainer.data;

import dev.tandem.edgemodel.Normalization;

/**
 * Mean and standard deviation fitted on the training part only (fitting on all data would leak the
 * future into the past), applied to every part and stored in the model.
 */
public final class Normalizer {
  private Normalizer() {}

  /** Per-column statistics of {@code values} ({@code width} columns); std floors at 1e-6. */
  public static Normalization fit(float[] values, int width) {
    int n = values.length / width;
    double[] sum = new double[width];
    double[] sq = new double[width];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < width; c++) {
        double v = values[r * width + c];
        sum[c] += v;
        sq[c] += v * v;
      }
    }
    float[] mean = new float[width];
    float[] std = new float[width];
    for (int c = 0; c < width; c++) {
      double m = sum[c] / Math.max(1, n);
      mean[c] = (float) m;
      std[c] = (float) Math.max(1e-6, Math.sqrt(Math.max(0, sq[c] / Math.max(1, n) - m * m)));
    }
    return new Normalization(mean, std);
  }

  /** One mean and std for all columns (a window of one stream shares its scale). */
  public static Normalization fitShared(float[] values, int width) {
    Normalization one = fit(values, 1);
    float[] mean = new float[width];
    float[] std = new float[width];
    java.util.Arrays.fill(mean, one.mean()[0]);
    java.util.Arrays.fill(std, one.std()[0]);
    return new Normalization(mean, std);
  }

  /** {@code (v - mean) / std} per column, as a new array. */
  public static float[] apply(Normalization n, float[] values) {
    int width = n.size();
    float[] mean = n.mean();
    float[] std = n.std();
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (values[i] - mean[i % width]) / std[i % width];
    }
    return out;
  }
}
