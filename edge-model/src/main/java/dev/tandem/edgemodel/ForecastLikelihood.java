package dev.tandem.edgemodel;

import java.util.Locale;

/**
 * Turns a forecaster's error into an anomaly likelihood on the device, with the calibration the
 * trainer stored in the model's metadata ({@value #MEAN_KEY}, {@value #STD_KEY}: the mean and
 * standard deviation of {@code actual - forecast} on its validation data). The likelihood is the
 * two-sided normal probability mass closer to the mean than the observed residual: about 0 for a
 * typical error, 0.683 at one deviation, 0.997 at three, approaching 1 beyond.
 */
public record ForecastLikelihood(double residualMean, double residualStd) {
  public static final String MEAN_KEY = "residual.mean";
  public static final String STD_KEY = "residual.std";

  public ForecastLikelihood {
    if (!Double.isFinite(residualMean) || !(residualStd > 0) || !Double.isFinite(residualStd)) {
      throw new EdgeModelException(
          EdgeModelError.INVALID_VALUE,
          "residual mean must be finite and std positive: " + residualMean + ", " + residualStd);
    }
  }

  /**
   * The calibration stored in {@code model}.
   *
   * @throws EdgeModelException {@link EdgeModelError#INVALID_VALUE} when the keys are missing or
   *     not numbers
   */
  public static ForecastLikelihood of(EdgeModel model) {
    String mean = model.metadata().get(MEAN_KEY);
    String std = model.metadata().get(STD_KEY);
    if (mean == null || std == null) {
      throw new EdgeModelException(
          EdgeModelError.INVALID_VALUE,
          "model " + model.name() + " carries no forecast calibration");
    }
    try {
      return new ForecastLikelihood(Double.parseDouble(mean), Double.parseDouble(std));
    } catch (NumberFormatException e) {
      throw new EdgeModelException(
          EdgeModelError.INVALID_VALUE,
          "forecast calibration is not numeric: " + mean + ", " + std);
    }
  }

  /** This calibration added to {@code model}'s metadata. */
  public EdgeModel into(EdgeModel model) {
    return model.toBuilder()
        .metadata(MEAN_KEY, String.format(Locale.ROOT, "%.9g", residualMean))
        .metadata(STD_KEY, String.format(Locale.ROOT, "%.9g", residualStd))
        .build();
  }

  /** The anomaly likelihood of observing {@code actual} where {@code forecast} was expected. */
  public double likelihood(double actual, double forecast) {
    double z = Math.abs(actual - forecast - residualMean) / residualStd;
    return erf(z / Math.sqrt(2));
  }

  /** Abramowitz and Stegun 7.1.26, absolute error below 1.5e-7. */
  static double erf(double x) {
    double t = 1 / (1 + 0.3275911 * x);
    double poly =
        t
            * (0.254829592
                + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    return 1 - poly * Math.exp(-x * x);
  }
}
