package dev.tandem.trainer.model;

import java.util.List;

/**
 * A finished training run.
 *
 * @param weights the weights of the epoch with the best validation loss
 * @param history every epoch, in order
 * @param samplesPerSecond training examples processed per second over the whole run
 */
public record TrainResult(
    Weights weights, List<EpochProgress> history, int bestEpoch, double samplesPerSecond) {
  public TrainResult {
    history = List.copyOf(history);
  }

  /** Whether training stopped before its epoch budget because validation stopped improving. */
  public boolean stoppedEarly(int maxEpochs) {
    return history.size() < maxEpochs;
  }
}
