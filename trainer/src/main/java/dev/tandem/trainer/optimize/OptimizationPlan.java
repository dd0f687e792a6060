package dev.tandem.trainer.optimize;

import dev.tandem.trainer.model.Architecture;

/**
 * How to shrink the teacher.
 *
 * @param student the student's architecture (same inputs and outputs as the teacher)
 * @param alpha weight of the hard targets in the distillation loss
 * @param temperature distillation temperature (classifiers)
 * @param sparsity share of each layer's weights to prune from the student
 * @param fineTuneEpochs epochs of training after pruning
 * @param tolerance largest quality loss a registered variant may have (points or percent, see
 *     {@link Quality})
 */
public record OptimizationPlan(
    Architecture student,
    float alpha,
    float temperature,
    double sparsity,
    int fineTuneEpochs,
    double tolerance) {
  public OptimizationPlan {
    if (!(sparsity >= 0 && sparsity < 1) || fineTuneEpochs < 1 || !(tolerance >= 0)) {
      throw new IllegalArgumentException(
          "sparsity in [0, 1), fine-tune epochs >= 1 and tolerance >= 0 required");
    }
  }
}
