package dev.tandem.edge.detect.stat;

/** Tail probabilities of the standard normal distribution, on a log scale. */
final class Gaussian {
  private static final double LN_10 = Math.log(10);
  private static final double SQRT_2 = Math.sqrt(2);
  private static final double SQRT_2_PI = Math.sqrt(2 * Math.PI);

  private Gaussian() {}

  /** {@code -log10 P(Z > z)} for a standard normal Z; accurate to about 1e-7 relative in p. */
  static double upperTailDecades(double z) {
    if (z > 8) {
      // Mills ratio: P(Z > z) ~ phi(z) / z * (1 - 1/z^2 + 3/z^4 - 15/z^6), within 1e-5 here.
      double w = 1 / (z * z);
      double series = 1 - w + 3 * w * w - 15 * w * w * w;
      return (z * z / 2 + Math.log(z * SQRT_2_PI) - Math.log(series)) / LN_10;
    }
    return -Math.log10(0.5 * erfc(z / SQRT_2));
  }

  /** The complementary error function (Numerical Recipes' Chebyshev fit, error below 1.2e-7). */
  static double erfc(double x) {
    double t = 1.0 / (1.0 + 0.5 * Math.abs(x));
    double y =
        t
            * Math.exp(
                -x * x
                    - 1.26551223
                    + t
                        * (1.00002368
                            + t
                                * (0.37409196
                                    + t
                                        * (0.09678418
                                            + t
                                                * (-0.18628806
                                                    + t
                                                        * (0.27886807
                                                            + t
                                                                * (-1.13520398
                                                                    + t
                                                                        * (1.48851587
                                                                            + t
                                                                                * (-0.82215223
                                                                                    + t
                                                                                        * 0.17087277)))))))));
    return x >= 0 ? y : 2.0 - y;
  }
}
