package dev.tandem.nab.loop;

import java.util.Objects;

/**
 * One trained version of a stream's model, as the registry would hold it: what its inputs are, how
 * values are normalised, the forecaster, and how many rows it was trained on (its lineage: every
 * one of them came before the row the model is first applied to).
 *
 * @param spec the inputs
 * @param scale the normalisation fitted on the training rows
 * @param forecaster the trained model
 * @param trainedRows the rows of the stream it was trained on: rows {@code 0 .. trainedRows - 1}
 */
public record ForecastModel(FeatureSpec spec, Scale scale, Forecaster forecaster, int trainedRows) {
  public ForecastModel {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(forecaster, "forecaster");
    if (trainedRows < 1) {
      throw new IllegalArgumentException("trainedRows must be >= 1, got " + trainedRows);
    }
  }

  /**
   * The forecast of the value of row {@code t} of {@code history}, at {@code timestampMillis}, from
   * the rows before it; in the stream's own units.
   *
   * @param scratch a buffer of at least {@code spec.width()} values, overwritten
   */
  public double forecast(History history, int t, long timestampMillis, double[] scratch) {
    spec.features(history, t, timestampMillis, scale, scratch);
    return scale.denormalize(forecaster.predict(scratch));
  }
}
