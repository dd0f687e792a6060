package dev.tandem.edgemodel;

import java.util.Arrays;

/**
 * Symmetric int8 weights with one float32 scale per output channel: the weight of output {@code o}
 * from input {@code i} is {@code values[o * inputs + i] * scales[o]}. Build them from float weights
 * with {@link Int8Quantization#quantize}.
 */
public final class Int8Weights implements LayerWeights {
  private final byte[] values;
  private final float[] scales;

  /**
   * @param values output-major quantized weights, each in [-127, 127]
   * @param scales one finite, non-negative scale per output channel
   * @throws EdgeModelException {@link EdgeModelError#NON_FINITE} on a NaN or infinite scale, {@link
   *     EdgeModelError#INVALID_VALUE} on -128 or a negative scale, {@link
   *     EdgeModelError#SHAPE_MISMATCH} when the values are not a whole number of channels
   */
  public Int8Weights(byte[] values, float[] scales) {
    Checks.allFinite(scales, "scales");
    if (scales.length == 0 ? values.length != 0 : values.length % scales.length != 0) {
      throw new EdgeModelException(
          EdgeModelError.SHAPE_MISMATCH,
          values.length + " int8 weights do not split into " + scales.length + " channels");
    }
    for (int o = 0; o < scales.length; o++) {
      if (scales[o] < 0f) {
        throw new EdgeModelException(
            EdgeModelError.INVALID_VALUE, "scales[" + o + "] is negative: " + scales[o]);
      }
    }
    for (int k = 0; k < values.length; k++) {
      if (values[k] == Byte.MIN_VALUE) {
        throw new EdgeModelException(
            EdgeModelError.INVALID_VALUE, "int8 weight [" + k + "] is -128 (range is -127..127)");
      }
    }
    this.values = values.clone();
    this.scales = scales.clone();
  }

  /** A copy of the quantized weights, output-major. */
  public byte[] values() {
    return values.clone();
  }

  /** A copy of the per-output-channel scales. */
  public float[] scales() {
    return scales.clone();
  }

  byte[] rawValues() {
    return values;
  }

  float[] rawScales() {
    return scales;
  }

  @Override
  public int encodingId() {
    return 1;
  }

  @Override
  public int count() {
    return values.length;
  }

  @Override
  public float weight(int outputs, int inputs, int o, int i) {
    return values[o * inputs + i] * scales[o];
  }

  @Override
  public long fileBytes(int outputs) {
    return 4L * outputs + values.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Int8Weights w
        && Arrays.equals(values, w.values)
        && Arrays.equals(scales, w.scales);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(values) + Arrays.hashCode(scales);
  }

  @Override
  public String toString() {
    return "Int8Weights[" + values.length + ", channels=" + scales.length + "]";
  }
}
