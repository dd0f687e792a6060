package dev.tandem.edgemodel;

/** Post-training symmetric int8 quantization, one scale per output channel. */
public final class Int8Quantization {
  private Int8Quantization() {}

  /**
   * Quantizes output-major float weights: {@code scale[o] = max|w[o,*]| / 127}, {@code q = round(w
   * / scale[o])} in [-127, 127]. A channel of zeros gets scale 0.
   *
   * @param weights output-major, {@code outputs * inputs} finite values
   * @throws EdgeModelException {@link EdgeModelError#SHAPE_MISMATCH} when the length is not {@code
   *     outputs * inputs}, {@link EdgeModelError#NON_FINITE} on a NaN or infinite weight
   */
  public static Int8Weights quantize(float[] weights, int outputs, int inputs) {
    if ((long) outputs * inputs != weights.length) {
      throw new EdgeModelException(
          EdgeModelError.SHAPE_MISMATCH,
          weights.length + " weights for " + outputs + " x " + inputs);
    }
    Checks.allFinite(weights, "weights");
    byte[] q = new byte[weights.length];
    float[] scales = new float[outputs];
    for (int o = 0; o < outputs; o++) {
      float max = 0f;
      for (int i = 0; i < inputs; i++) {
        max = Math.max(max, Math.abs(weights[o * inputs + i]));
      }
      float scale = max / 127f;
      scales[o] = scale;
      for (int i = 0; i < inputs; i++) {
        int v = scale == 0f ? 0 : Math.round(weights[o * inputs + i] / scale);
        q[o * inputs + i] = (byte) Math.max(-127, Math.min(127, v));
      }
    }
    return new Int8Weights(q, scales);
  }
}
