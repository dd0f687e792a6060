package dev.tandem.trainer.model;

import java.util.Locale;

/**
 * What one epoch achieved.
 *
 * @param metricName {@code accuracy} (classifiers, 0..1) or {@code rmse} (forecasters, normalised
 *     units)
 */
public record EpochProgress(
    int epoch,
    double trainLoss,
    double validationLoss,
    String metricName,
    double metric,
    double samplesPerSecond,
    boolean improved) {

  /** One line for a log: {@code epoch 3 loss 0.4210 val_loss 0.4012 val_accuracy 0.912 ...}. */
  public String line() {
    return String.format(
        Locale.ROOT,
        "epoch %d loss %.4f val_loss %.4f val_%s %.4f %.0f samples/s%s",
        epoch,
        trainLoss,
        validationLoss,
        metricName,
        metric,
        samplesPerSecond,
        improved ? " *" : "");
  }
}
