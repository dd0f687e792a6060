package dev.tandem.edge.model;

/**
 * A model loaded into memory, ready to answer. Implementations must be safe for calls from several
 * threads, or document otherwise.
 */
public interface LoadedModel extends AutoCloseable {

  /** Number of floats one input holds. */
  int inputSize();

  /** Number of floats one output holds. */
  int outputSize();

  /**
   * Runs the model on one input.
   *
   * @param input exactly {@link #inputSize()} floats
   * @return {@link #outputSize()} floats
   * @throws RuntimeException when the runtime fails; the caller counts it as an inference error
   */
  float[] infer(float[] input);

  /**
   * Whether an output says "anomaly", for the {@code anomalies} counter the rollout gates compare:
   * one output: score at least 0.5; several: the highest is not class 0.
   */
  default boolean isAnomaly(float[] output) {
    if (output.length == 1) {
      return output[0] >= 0.5f;
    }
    int best = 0;
    for (int i = 1; i < output.length; i++) {
      if (output[i] > output[best]) {
        best = i;
      }
    }
    return best != 0;
  }

  /** Releases what the model holds (native memory); the default holds nothing. */
  @Override
  default void close() {}
}
