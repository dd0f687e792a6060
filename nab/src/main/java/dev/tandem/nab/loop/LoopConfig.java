package dev.tandem.nab.loop;

import dev.tandem.edge.detect.stat.RobustDetectorConfig;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the loop: what the models see, when they are retrained, and how their errors become a
 * score. One configuration serves every stream; {@link #defaults()} is the one measured on NAB.
 *
 * @param statistical the on-device statistical detector that runs beside the model
 * @param features the inputs of the forecasters
 * @param schedule when models are retrained
 * @param ridgePenalty L2 penalty per example of the plain-Java trainer
 * @param maxExamples a training uses at most this many of the newest examples
 * @param errorReadings window of past forecast errors that an error is measured against
 * @param averagingReadings raw error scores averaged before their likelihood is judged
 * @param likelihoodHorizon time constant, in readings, of the long-run distribution of averages
 * @param forecastCorrection tail probabilities of the forecast stream are multiplied by this
 *     (Bonferroni: the forecast is one more stream looked at beside the statistical ones)
 * @param statisticalCorrection once a model runs, the statistical detector's tail probabilities are
 *     multiplied by this (it corrects for its own three streams; the forecast is a fourth)
 * @param fusionFloor a statistical or forecast score below it is not evidence: it is not combined
 *     with the other score (which then stands alone)
 * @param raiseScore a score at or above it is high; repeated high scores are damped
 * @param clearScore damped scores report at most this
 * @param quietReadings after a high score, this many readings report at most {@code clearScore}
 * @param quietMillis and the quiet period lasts at least this long in time (one incident lasts
 *     hours whatever the sampling rate)
 */
public record LoopConfig(
    RobustDetectorConfig statistical,
    FeatureSpec features,
    RetrainSchedule schedule,
    double ridgePenalty,
    int maxExamples,
    int errorReadings,
    int averagingReadings,
    int likelihoodHorizon,
    double forecastCorrection,
    double statisticalCorrection,
    double fusionFloor,
    double raiseScore,
    double clearScore,
    int quietReadings,
    long quietMillis) {

  public LoopConfig {
    Objects.requireNonNull(statistical, "statistical");
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(schedule, "schedule");
    if (!(ridgePenalty >= 0) || Double.isInfinite(ridgePenalty)) {
      throw new IllegalArgumentException(
          "ridgePenalty must be finite and >= 0, got " + ridgePenalty);
    }
    atLeast("maxExamples", maxExamples, 1);
    atLeast("errorReadings", errorReadings, 8);
    atLeast("averagingReadings", averagingReadings, 1);
    atLeast("likelihoodHorizon", likelihoodHorizon, 2);
    if (!(forecastCorrection >= 1) || Double.isInfinite(forecastCorrection)) {
      throw new IllegalArgumentException(
          "forecastCorrection must be finite and >= 1, got " + forecastCorrection);
    }
    if (!(statisticalCorrection >= 1) || Double.isInfinite(statisticalCorrection)) {
      throw new IllegalArgumentException(
          "statisticalCorrection must be finite and >= 1, got " + statisticalCorrection);
    }
    if (!(fusionFloor >= 0 && fusionFloor < 1)) {
      throw new IllegalArgumentException("fusionFloor must be in [0, 1), got " + fusionFloor);
    }
    if (!(raiseScore > 0 && raiseScore <= 1)) {
      throw new IllegalArgumentException("raiseScore must be in (0, 1], got " + raiseScore);
    }
    if (!(clearScore >= 0 && clearScore < raiseScore)) {
      throw new IllegalArgumentException(
          "clearScore must be in [0, raiseScore=%s), got %s".formatted(raiseScore, clearScore));
    }
    atLeast("quietReadings", quietReadings, 0);
    if (quietMillis < 0) {
      throw new IllegalArgumentException("quietMillis must be >= 0, got " + quietMillis);
    }
  }

  /**
   * The measured configuration: the baseline statistical detector; models on the last 24 values and
   * the 5 values around the same time a day and a week earlier; first trained after 300 rows, then
   * each time the rows grow by half, at most 2016 rows apart (a week of 5-minute readings); ridge
   * penalty 1e-3 on at most 20,000 examples; errors judged against the last 1000, averaged over 10
   * readings against an 8640-reading horizon (Numenta's values); forecast tail probabilities times
   * 4 and the statistical detector's times 4/3 (four streams in all); scores below 0.2 (a tail
   * probability above 1e-2) not combined; high at 0.5, damped to 0.3; after a high score, quiet for
   * 100 readings and at least 12 hours.
   */
  public static LoopConfig defaults() {
    return new LoopConfig(
        RobustDetectorConfig.defaults(),
        new FeatureSpec(24, List.of(FeatureSpec.DAY_MILLIS, FeatureSpec.WEEK_MILLIS), 2),
        new RetrainSchedule(300, 1.5, 2016),
        1e-3,
        20_000,
        1000,
        10,
        8640,
        4,
        4.0 / 3,
        0.2,
        0.5,
        0.3,
        100,
        12 * 3_600_000L);
  }

  /** This configuration with other model inputs and retraining schedule (short series, tests). */
  public LoopConfig withForecasting(FeatureSpec features, RetrainSchedule schedule) {
    return new LoopConfig(
        statistical,
        features,
        schedule,
        ridgePenalty,
        maxExamples,
        errorReadings,
        averagingReadings,
        likelihoodHorizon,
        forecastCorrection,
        statisticalCorrection,
        fusionFloor,
        raiseScore,
        clearScore,
        quietReadings,
        quietMillis);
  }

  private static void atLeast(String parameter, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(
          "%s must be >= %d, got %d".formatted(parameter, min, value));
    }
  }
}
