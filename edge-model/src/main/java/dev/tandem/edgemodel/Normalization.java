package dev.tandem.edgemodel;

import java.util.Arrays;

/**
 * Per-element mean and standard deviation. Inputs are normalised as {@code (x - mean) / std};
 * outputs are de-normalised as {@code y * std + mean}.
 *
 * @param mean one value per element, finite
 * @param std one value per element, finite and positive
 */
public record Normalization(float[] mean, float[] std) {
  public Normalization {
    if (mean.length != std.length) {
      throw new EdgeModelException(
          EdgeModelError.SHAPE_MISMATCH,
          "normalisation has " + mean.length + " means but " + std.length + " stds");
    }
    mean = mean.clone();
    std = std.clone();
    for (int i = 0; i < mean.length; i++) {
      Checks.finite(mean[i], "normalisation mean[" + i + "]");
      Checks.finite(std[i], "normalisation std[" + i + "]");
      if (!(std[i] > 0f)) {
        throw new EdgeModelException(
            EdgeModelError.INVALID_VALUE, "normalisation std[" + i + "] must be > 0: " + std[i]);
      }
    }
  }

  /** Mean 0, std 1 for {@code size} elements: leaves values as they are. */
  public static Normalization identity(int size) {
    float[] ones = new float[size];
    Arrays.fill(ones, 1f);
    return new Normalization(new float[size], ones);
  }

  /** The number of elements. */
  public int size() {
    return mean.length;
  }

  /** A copy of the means. */
  @Override
  public float[] mean() {
    return mean.clone();
  }

  /** A copy of the standard deviations. */
  @Override
  public float[] std() {
    return std.clone();
  }

  float meanAt(int i) {
    return mean[i];
  }

  float stdAt(int i) {
    return std[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Normalization n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
  }

  @Override
  public String toString() {
    return "Normalization[size=" + mean.length + "]";
  }
}
