package dev.tandem.trainer.optimize;

import dev.tandem.edgemodel.EdgeModel;
import dev.tandem.edgemodel.ForecastLikelihood;
import dev.tandem.trainer.data.Examples;

/**
 * Turns a forecaster's prediction error into an anomaly likelihood. The residuals {@code actual -
 * forecast} on the validation part (never the test part) give a mean and standard deviation; a new
 * residual's likelihood is the two-sided normal probability mass closer to the mean than it, so a
 * typical error scores near 0 and one five deviations off near 1. Stored in the edge model's
 * metadata as {@code residual.mean} and {@code residual.std} so a device computes the same score.
 */
public record ForecastCalibration(double residualMean, double residualStd) {
  public static final String MEAN_KEY = ForecastLikelihood.MEAN_KEY;
  public static final String STD_KEY = ForecastLikelihood.STD_KEY;

  public ForecastCalibration {
    if (!(residualStd > 0) || !Double.isFinite(residualMean)) {
      throw new IllegalArgumentException("residual std must be positive, mean finite");
    }
  }

  /** Fits the residuals of {@code model} on raw {@code examples} (one output). */
  public static ForecastCalibration fit(EdgeModel model, Examples examples) {
    float[] x = new float[model.inputSize()];
    float[] y = new float[1];
    double sum = 0;
    double sq = 0;
    int n = examples.size();
    for (int i = 0; i < n; i++) {
      examples.input(i, x);
      model.forward(x, y);
      double r = examples.y()[i] - y[0];
      sum += r;
      sq += r * r;
    }
    double mean = sum / n;
    double std = Math.sqrt(Math.max(0, sq / n - mean * mean));
    return new ForecastCalibration(mean, Math.max(std, 1e-9));
  }

  /** The anomaly likelihood of one observation, in [0, 1): the device computes the same. */
  public double likelihood(double actual, double forecast) {
    return onDevice().likelihood(actual, forecast);
  }

  /** The calibration as edge model metadata. */
  public EdgeModel into(EdgeModel model) {
    return onDevice().into(model);
  }

  /** The calibration stored in {@code model}'s metadata. */
  public static ForecastCalibration from(EdgeModel model) {
    ForecastLikelihood l = ForecastLikelihood.of(model);
    return new ForecastCalibration(l.residualMean(), l.residualStd());
  }

  /** The device-side form (edge-model module), which the metadata keys come from. */
  public ForecastLikelihood onDevice() {
    return new ForecastLikelihood(residualMean, residualStd);
  }
}
