package dev.tandem.nab.loop;

/**
 * Examples to train a {@link Forecaster} on: row {@code i} of {@code inputs} is the features of one
 * past row, {@code targets[i]} its value, both normalised. Rows are in time order, oldest first; a
 * trainer that holds some back for validation must hold back the newest.
 *
 * @param spec how the inputs were made
 * @param inputs one feature row per example, each {@code spec.width()} long
 * @param targets the value to forecast, one per example
 */
public record TrainingSet(FeatureSpec spec, double[][] inputs, double[] targets) {
  public TrainingSet {
    if (inputs.length != targets.length) {
      throw new IllegalArgumentException(
          "%d input rows but %d targets".formatted(inputs.length, targets.length));
    }
    for (double[] row : inputs) {
      if (row.length != spec.width()) {
        throw new IllegalArgumentException(
            "input rows must be %d wide, got %d".formatted(spec.width(), row.length));
      }
    }
  }

  public int size() {
    return targets.length;
  }
}
