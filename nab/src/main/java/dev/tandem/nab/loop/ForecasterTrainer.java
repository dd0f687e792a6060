package dev.tandem.nab.loop;

/**
 * Trains a forecaster on the examples of one stream received so far. The loop's plug: {@link
 * RidgeTrainer} in plain Java today; a TensorFlow Java trainer whose models take the same inputs
 * and give the same output plugs in here. Must be deterministic: the same set gives the same model.
 */
@FunctionalInterface
public interface ForecasterTrainer {
  /**
   * @param examples at least one example, oldest first
   * @return a model of the same inputs, forecasting the normalised next value
   */
  Forecaster train(TrainingSet examples);
}
