package dev.tandem.edgemodel;

import java.util.Arrays;

/** Full-precision weights, output-major. */
public final class Float32Weights implements LayerWeights {
  private final float[] values;

  /**
   * @param values output-major weights ({@code values[o * inputs + i]}), all finite
   * @throws EdgeModelException {@link EdgeModelError#NON_FINITE} on a NaN or infinite weight
   */
  public Float32Weights(float[] values) {
    Checks.allFinite(values, "weights");
    this.values = values.clone();
  }

  /** A copy of the weights, output-major. */
  public float[] values() {
    return values.clone();
  }

  float[] raw() {
    return values;
  }

  @Override
  public int encodingId() {
    return 0;
  }

  @Override
  public int count() {
    return values.length;
  }

  @Override
  public float weight(int outputs, int inputs, int o, int i) {
    return values[o * inputs + i];
  }

  @Override
  public long fileBytes(int outputs) {
    return 4L * values.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Float32Weights w && Arrays.equals(values, w.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Float32Weights[" + values.length + "]";
  }
}
