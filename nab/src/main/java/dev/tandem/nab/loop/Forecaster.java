package dev.tandem.nab.loop;

/**
 * A trained model of a stream: forecasts the next value from the inputs of a {@link FeatureSpec},
 * in normalised units. What the cloud trains and the device runs; a pure function, safe to share.
 */
@FunctionalInterface
public interface Forecaster {
  /**
   * @param features the inputs, as {@link FeatureSpec} lays them out; not modified
   * @return the forecast of the next value, normalised
   */
  double predict(double[] features);
}
