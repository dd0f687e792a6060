package dev.tandem.trainer.model;

/**
 * One dense layer's trained values in TensorFlow's orientation: {@code kernel[i * outputs + o]} is
 * the weight from input {@code i} to output {@code o}.
 */
public record LayerParams(int inputs, int outputs, float[] kernel, float[] bias) {
  public LayerParams {
    if (kernel.length != inputs * outputs || bias.length != outputs) {
      throw new IllegalArgumentException("layer " + inputs + "x" + outputs + " sizes disagree");
    }
  }

  /** The kernel output-major, as the edge model format stores it. */
  public float[] outputMajor() {
    float[] t = new float[kernel.length];
    for (int i = 0; i < inputs; i++) {
      for (int o = 0; o < outputs; o++) {
        t[o * inputs + i] = kernel[i * outputs + o];
      }
    }
    return t;
  }

  /** The share of kernel weights that are exactly zero. */
  public double sparsity() {
    int zeros = 0;
    for (float w : kernel) {
      if (w == 0f) {
        zeros++;
      }
    }
    return (double) zeros / kernel.length;
  }
}
