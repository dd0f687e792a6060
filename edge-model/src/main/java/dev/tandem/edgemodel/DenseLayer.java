package dev.tandem.edgemodel;

import java.util.Arrays;

/**
 * One fully connected layer: {@code y[o] = activation(sum_i w[o,i] * x[i] + bias[o])}.
 *
 * @param inputs number of inputs, at least 1
 * @param outputs number of outputs (units), at least 1
 * @param activation the element-wise activation
 * @param weights {@code outputs * inputs} weights, output-major
 * @param bias one finite bias per output
 */
public record DenseLayer(
    int inputs, int outputs, Activation activation, LayerWeights weights, float[] bias) {
  public DenseLayer {
    if (inputs < 1 || outputs < 1) {
      throw new EdgeModelException(
          EdgeModelError.SHAPE_MISMATCH, "layer size " + inputs + " -> " + outputs);
    }
    if ((long) inputs * outputs != weights.count()) {
      throw new EdgeModelException(
          EdgeModelError.SHAPE_MISMATCH,
          "layer " + inputs + " -> " + outputs + " has " + weights.count() + " weights");
    }
    if (weights instanceof Int8Weights q && q.rawScales().length != outputs) {
      throw new EdgeModelException(
          EdgeModelError.SHAPE_MISMATCH,
          "layer with " + outputs + " outputs has " + q.rawScales().length + " scales");
    }
    if (bias.length != outputs) {
      throw new EdgeModelException(
          EdgeModelError.SHAPE_MISMATCH,
          "layer with " + outputs + " outputs has " + bias.length + " biases");
    }
    Checks.allFinite(bias, "bias");
    bias = bias.clone();
  }

  /** A layer with full-precision weights given output-major. */
  public static DenseLayer float32(
      int inputs, int outputs, Activation activation, float[] weights, float[] bias) {
    return new DenseLayer(inputs, outputs, activation, new Float32Weights(weights), bias);
  }

  /** A copy of the biases. */
  @Override
  public float[] bias() {
    return bias.clone();
  }

  float[] rawBias() {
    return bias;
  }

  /** Weights plus biases. */
  public long parameterCount() {
    return (long) inputs * outputs + outputs;
  }

  /** This layer with its weights quantized to int8 per output channel. */
  public DenseLayer quantized() {
    if (weights instanceof Int8Weights) {
      return this;
    }
    float[] w = ((Float32Weights) weights).raw();
    return new DenseLayer(
        inputs, outputs, activation, Int8Quantization.quantize(w, outputs, inputs), bias);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DenseLayer l
        && inputs == l.inputs
        && outputs == l.outputs
        && activation == l.activation
        && weights.equals(l.weights)
        && Arrays.equals(bias, l.bias);
  }

  @Override
  public int hashCode() {
    return ((inputs * 31 + outputs) * 31 + activation.hashCode()) * 31 + weights.hashCode();
  }

  @Override
  public String toString() {
    return "DenseLayer[" + inputs + " -> " + outputs + ", " + activation + ", " + weights + "]";
  }
}
