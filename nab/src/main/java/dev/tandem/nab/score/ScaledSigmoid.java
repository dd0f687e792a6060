package dev.tandem.nab.score;

/** NAB's scaled sigmoid: {@code 2 / (1 + exp(5y)) - 1}, and -1 beyond {@code y > 3}. */
final class ScaledSigmoid {
  /** {@code sigma(-1)}: what a detection at a window's first row is worth before weighting. */
  static final double AT_WINDOW_START = of(-1.0);

  private ScaledSigmoid() {}

  static double of(double y) {
    if (y > 3.0) {
      return -1.0;
    }
    return 2.0 / (1.0 + Math.exp(5.0 * y)) - 1.0;
  }
}
