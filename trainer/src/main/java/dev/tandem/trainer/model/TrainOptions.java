package dev.tandem.trainer.model;

/**
 * How to train.
 *
 * @param seed initial weights and batch order: the same seed and data give the same weights
 * @param maxEpochs at most this many passes over the training data
 * @param batchSize examples per optimizer step
 * @param learningRate Adam's learning rate
 * @param patience stop after this many epochs without a better validation loss
 * @param alpha weight of the hard targets; {@code 1 - alpha} goes to the soft (teacher) targets
 * @param temperature softens a classifier's logits for distillation
 */
public record TrainOptions(
    long seed,
    int maxEpochs,
    int batchSize,
    float learningRate,
    int patience,
    float alpha,
    float temperature) {
  public TrainOptions {
    if (maxEpochs < 1 || batchSize < 1 || patience < 1) {
      throw new IllegalArgumentException("epochs, batch size and patience must be positive");
    }
    if (!(learningRate > 0) || !(alpha >= 0 && alpha <= 1) || !(temperature > 0)) {
      throw new IllegalArgumentException(
          "learning rate and temperature must be positive, alpha in [0, 1]");
    }
  }

  /** Plain training on hard targets. */
  public static TrainOptions of(long seed, int maxEpochs, int batchSize, float learningRate) {
    return new TrainOptions(seed, maxEpochs, batchSize, learningRate, 5, 1f, 1f);
  }

  public TrainOptions withDistillation(float alpha, float temperature) {
    return new TrainOptions(seed, maxEpochs, batchSize, learningRate, patience, alpha, temperature);
  }

  public TrainOptions withEpochs(int epochs) {
    return new TrainOptions(seed, epochs, batchSize, learningRate, patience, alpha, temperature);
  }

  public TrainOptions withLearningRate(float lr) {
    return new TrainOptions(seed, maxEpochs, batchSize, lr, patience, alpha, temperature);
  }

  public TrainOptions withPatience(int p) {
    return new TrainOptions(seed, maxEpochs, batchSize, learningRate, p, alpha, temperature);
  }
}
