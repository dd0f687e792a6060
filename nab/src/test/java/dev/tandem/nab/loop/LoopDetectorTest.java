package dev.tandem.nab.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.edge.detect.stat.RobustAnomalyDetector;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LoopDetectorTest {
  private static final FeatureSpec ONE_LAG = new FeatureSpec(1, List.of(), 0);

  /** A model that always forecasts {@code value}. */
  private static ForecastModel constant(double value) {
    return new ForecastModel(ONE_LAG, new Scale(0, 1), features -> value, 10);
  }

  private static LoopConfig withoutQuietPeriod() {
    LoopConfig d = LoopConfig.defaults();
    return new LoopConfig(
        d.statistical(),
        d.features(),
        d.schedule(),
        d.ridgePenalty(),
        d.maxExamples(),
        d.errorReadings(),
        d.averagingReadings(),
        d.likelihoodHorizon(),
        d.forecastCorrection(),
        d.statisticalCorrection(),
        d.fusionFloor(),
        d.raiseScore(),
        d.clearScore(),
        0,
        0L);
  }

  @Test
  void withoutAModelOrQuietPeriodItScoresLikeTheStatisticalDetector() {
    var loop = new LoopDetector(withoutQuietPeriod());
    var baseline = RobustAnomalyDetector.withDefaults();
    Random random = new Random(3);
    for (int i = 0; i < 2000; i++) {
      double value = 10 + random.nextGaussian() + (i == 1500 ? 40 : 0);
      loop.update(i * 60_000L, value);
      baseline.update(i * 60_000L, value);
      // 1 - (1 - s)(1 - 0) is s up to rounding
      assertThat(loop.score()).as("row %d", i).isCloseTo(baseline.score(), within(1e-12));
    }
    assertThat(loop.model()).isEmpty();
  }

  @Test
  void theQuietPeriodLastsAtLeastQuietMillisWhateverTheSamplingRate() {
    LoopConfig d = withoutQuietPeriod();
    var config =
        new LoopConfig(
            d.statistical(),
            d.features(),
            d.schedule(),
            d.ridgePenalty(),
            d.maxExamples(),
            d.errorReadings(),
            d.averagingReadings(),
            d.likelihoodHorizon(),
            d.forecastCorrection(),
            d.statisticalCorrection(),
            d.fusionFloor(),
            d.raiseScore(),
            d.clearScore(),
            0,
            3_600_000L);
    var loop = new LoopDetector(config);
    Random random = new Random(5);
    double[] spikeScores = new double[3];
    int[] spikes = {1500, 1530, 1600};
    double[] heights = {40, 80, 160};
    for (int i = 0; i < 1700; i++) {
      int spike = java.util.Arrays.binarySearch(spikes, i);
      double value = 10 + random.nextGaussian() + (spike >= 0 ? heights[spike] : 0);
      loop.update(i * 60_000L, value);
      if (spike >= 0) {
        spikeScores[spike] = loop.score();
      }
    }
    // every spike is a value never seen; the second comes 30 minutes after the first, the third
    // 100 minutes after it
    assertThat(spikeScores[0]).isGreaterThanOrEqualTo(0.5);
    assertThat(spikeScores[1]).isLessThanOrEqualTo(0.3);
    assertThat(spikeScores[2]).isGreaterThanOrEqualTo(0.5);
  }

  @Test
  void aModelThatStopsFittingRaisesTheForecastScoreOnceThenGoesQuiet() {
    var loop = new LoopDetector(LoopConfig.defaults());
    loop.install(constant(0));
    Random random = new Random(4);
    long t = 0;
    for (int i = 0; i < 3000; i++) {
      loop.update(t += 60_000L, 0.1 * random.nextGaussian());
    }
    assertThat(loop.forecastScore()).isLessThan(0.3);

    // after a pause longer than the quiet period (the noise had its own alarm 6 hours before), the
    // stream moves to 5 while the model still says 0: one full alarm, then at most 0.3
    t += LoopConfig.defaults().quietMillis();
    double first = 0;
    double laterMax = 0;
    for (int i = 0; i < 60; i++) {
      loop.update(t += 60_000L, 5 + 0.1 * random.nextGaussian());
      if (loop.score() >= 0.5 && first == 0) {
        first = loop.score();
      } else if (first > 0) {
        laterMax = Math.max(laterMax, loop.score());
      }
    }
    assertThat(first).isGreaterThanOrEqualTo(0.5);
    assertThat(laterMax).isLessThanOrEqualTo(0.3);

    // a model that fits again calms the forecast score down
    loop.install(constant(5));
    for (int i = 0; i < 500; i++) {
      loop.update(t += 60_000L, 5 + 0.1 * random.nextGaussian());
    }
    assertThat(loop.forecastScore()).isLessThan(0.3);
    assertThat(loop.model()).get().extracting(ForecastModel::trainedRows).isEqualTo(10);
  }

  @Test
  void nonFiniteReadingsAreIgnoredAndResetForgetsTheModel() {
    var loop = new LoopDetector(LoopConfig.defaults());
    loop.install(constant(0));
    loop.update(0, 1);
    loop.update(1, Double.NaN);
    assertThat(loop.score()).isZero();
    loop.reset();
    assertThat(loop.model()).isEmpty();
    assertThat(loop.name()).isEqualTo("loop");
  }
}
