package dev.tandem.nab.loop;

/**
 * Linear least squares with an L2 penalty and an unpenalised intercept, solved exactly (normal
 * equations, Cholesky). Written here rather than taken from a library because it is twenty lines
 * and the loop calls it hundreds of times per corpus: a dependency would cost more than it saves.
 */
public final class RidgeTrainer implements ForecasterTrainer {
  private final double penalty;

  /**
   * @param penalty L2 penalty per example on each weight (the total penalty grows with the set, so
   *     that its effect does not fade as data accumulates); at least 0
   */
  public RidgeTrainer(double penalty) {
    if (!(penalty >= 0) || Double.isInfinite(penalty)) {
      throw new IllegalArgumentException("penalty must be finite and >= 0, got " + penalty);
    }
    this.penalty = penalty;
  }

  @Override
  public Forecaster train(TrainingSet examples) {
    int d = examples.spec().width() + 1;
    int n = examples.size();
    if (n == 0) {
      throw new IllegalArgumentException("no examples to train on");
    }
    double[][] gram = new double[d][d];
    double[] moment = new double[d];
    double[] x = new double[d];
    for (int e = 0; e < n; e++) {
      double[] in = examples.inputs()[e];
      System.arraycopy(in, 0, x, 0, d - 1);
      x[d - 1] = 1;
      double y = examples.targets()[e];
      for (int i = 0; i < d; i++) {
        moment[i] += x[i] * y;
        for (int j = 0; j <= i; j++) {
          gram[i][j] += x[i] * x[j];
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < i; j++) {
        gram[j][i] = gram[i][j];
      }
      // A tiny ridge on the intercept too keeps a constant stream solvable.
      gram[i][i] += (i < d - 1 ? penalty : 1e-9) * n + 1e-12;
    }
    double[] w = Cholesky.solve(gram, moment);
    double[] weights = java.util.Arrays.copyOf(w, d - 1);
    double intercept = w[d - 1];
    return new LinearForecaster(weights, intercept);
  }

  /** {@code weights . features + intercept}. */
  public record LinearForecaster(double[] weights, double intercept) implements Forecaster {
    public LinearForecaster {
      weights = weights.clone();
    }

    @Override
    public double predict(double[] features) {
      double sum = intercept;
      for (int i = 0; i < weights.length; i++) {
        sum += weights[i] * features[i];
      }
      return sum;
    }
  }
}
