package dev.tandem.edge.detect.stat;

/**
 * Settings of {@link RobustAnomalyDetector}. Counts are in readings, not time: the detector treats
 * consecutive readings as evenly spaced. One configuration serves every stream; {@link #defaults()}
 * is the one the NAB baseline was measured with.
 *
 * @param warmupReadings readings learned from before any score is given (score 0 until then)
 * @param baselineReadings window of the robust baselines (median and interquartile range) that
 *     residuals and volatility are measured against
 * @param localMedianReadings the prediction of the next reading is the median of this many previous
 *     ones; the residual is the reading minus that median
 * @param volatilityReadings window of the mean absolute change compared with its own baseline
 * @param patternLength readings in the shape compared with the past (nearest-neighbour distance)
 * @param patternHistory how far back, in readings, the nearest neighbour of a shape is searched
 * @param averagingReadings raw scores are averaged over this many readings before their likelihood
 *     is judged (Numenta's short-term average)
 * @param likelihoodHorizon time constant, in readings, of the long-run mean and variance of the
 *     averaged raw scores
 * @param rangeReadings window of the long-run range (minimum to maximum) of the readings
 * @param rangeTolerance a reading further outside the long-run range than this fraction of the
 *     range is maximally anomalous
 * @param raiseScore a score at or above this raises an event
 * @param clearScore an event clears once the unfiltered score has stayed below this for {@code
 *     clearReadings} readings; repeated readings above {@code raiseScore} report at most this
 * @param clearReadings consecutive calm readings needed to clear an event
 */
public record RobustDetectorConfig(
    int warmupReadings,
    int baselineReadings,
    int localMedianReadings,
    int volatilityReadings,
    int patternLength,
    int patternHistory,
    int averagingReadings,
    int likelihoodHorizon,
    int rangeReadings,
    double rangeTolerance,
    double raiseScore,
    double clearScore,
    int clearReadings) {

  /** Longest window accepted, so that one detector stays within a few megabytes. */
  public static final int MAX_WINDOW = 1 << 20;

  public RobustDetectorConfig {
    atLeast("warmupReadings", warmupReadings, 1);
    atLeast("baselineReadings", baselineReadings, 8);
    atLeast("localMedianReadings", localMedianReadings, 1);
    atLeast("volatilityReadings", volatilityReadings, 2);
    atLeast("patternLength", patternLength, 1);
    atLeast("patternHistory", patternHistory, 2 * patternLength);
    atLeast("averagingReadings", averagingReadings, 1);
    atLeast("likelihoodHorizon", likelihoodHorizon, 2);
    atLeast("rangeReadings", rangeReadings, RangeTracker.BLOCKS);
    if (!(rangeTolerance >= 0) || Double.isInfinite(rangeTolerance)) {
      throw new IllegalArgumentException(
          "rangeTolerance must be finite and >= 0, got " + rangeTolerance);
    }
    if (!(raiseScore > 0 && raiseScore <= 1)) {
      throw new IllegalArgumentException("raiseScore must be in (0, 1], got " + raiseScore);
    }
    if (!(clearScore >= 0 && clearScore < raiseScore)) {
      throw new IllegalArgumentException(
          "clearScore must be in [0, raiseScore=%s), got %s".formatted(raiseScore, clearScore));
    }
    atLeast("clearReadings", clearReadings, 1);
  }

  /**
   * The baseline configuration: a 288-reading warm-up (a day of 5-minute readings: a detector
   * cannot know a range it has not seen), 1000-reading robust baselines, shapes of 8 readings
   * searched 2000 readings back, Numenta's 10-reading average and 8640-reading likelihood horizon,
   * a 4096-reading range with 5% tolerance, events raised at score 0.5 (tail probability 1e-5) and
   * cleared below 0.3 (1e-3) after 10 readings.
   */
  public static RobustDetectorConfig defaults() {
    return new RobustDetectorConfig(288, 1000, 5, 32, 8, 2000, 10, 8640, 4096, 0.05, 0.5, 0.3, 10);
  }

  private static void atLeast(String parameter, int value, int min) {
    if (value < min || value > MAX_WINDOW) {
      throw new IllegalArgumentException(
          "%s must be in [%d, %d], got %d".formatted(parameter, min, MAX_WINDOW, value));
    }
  }
}
