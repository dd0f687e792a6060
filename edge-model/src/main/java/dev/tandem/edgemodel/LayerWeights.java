package dev.tandem.edgemodel;

/**
 * A dense layer's weight matrix, stored output-major: the weights of output unit {@code o} are the
 * {@code inputs} consecutive values starting at {@code o * inputs}.
 */
public sealed interface LayerWeights permits Float32Weights, Int8Weights {
  /** The encoding's id in the file: 0 float32, 1 int8. */
  int encodingId();

  /** The number of weights (outputs x inputs). */
  int count();

  /** The weight of output {@code o} from input {@code i}, de-quantized. */
  float weight(int outputs, int inputs, int o, int i);

  /** Bytes the weights take in the file. */
  long fileBytes(int outputs);
}
