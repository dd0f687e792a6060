package dev.tandem.nab.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.edge.detect.stat.RobustAnomalyDetector;
import dev.tandem.nab.NabSample;
import dev.tandem.nab.corpus.Corpus;
import dev.tandem.nab.corpus.NabCsv;
import dev.tandem.nab.corpus.Series;
import dev.tandem.nab.run.NabRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LoopRunnerTest {
  private static final long START = 1_396_310_400_000L; // 2014-04-01 00:00 UTC
  private static final long FIVE_MINUTES = 300_000L;
  private static final int PER_DAY = 288;

  /**
   * Two weeks of a daily square wave (low at night, high from 09:00 to 18:00) with noise; on day
   * {@code skippedDay} the jump never comes. No value is new: only the time of day tells.
   */
  static Series dailyWave(int days, int skippedDay, long seed) {
    Random random = new Random(seed);
    int rows = days * PER_DAY;
    long[] times = new long[rows];
    double[] values = new double[rows];
    for (int i = 0; i < rows; i++) {
      times[i] = START + i * FIVE_MINUTES;
      int minuteOfDay = (i % PER_DAY) * 5;
      boolean high = minuteOfDay >= 9 * 60 && minuteOfDay < 18 * 60 && i / PER_DAY != skippedDay;
      values[i] = (high ? 80 : 20) + 3 * random.nextGaussian();
    }
    return new Series("daily.csv", times, values);
  }

  private static LoopRunner loop() {
    return LoopRunner.withRidge(LoopConfig.defaults());
  }

  private static void assertCausal(Series series, int... cuts) {
    double[] full = loop().scores(series);
    for (int cut : cuts) {
      double[] truncated = loop().scores(series.truncate(cut));
      assertThat(truncated)
          .as("scores of rows < %d", cut)
          .containsExactly(Arrays.copyOf(full, cut));
    }
  }

  @Test
  void scoresOfEarlierRowsDoNotChangeWhenTheSeriesIsTruncated() {
    // 300 and 450 are the first trainings: a model trained on rows < 300 scores row 300 on.
    assertCausal(dailyWave(8, 6, 1), 299, 300, 301, 450, 451, 1000, 2000, 2303);
  }

  @Test
  void scoresOfEarlierRowsDoNotChangeWhenARealSeriesIsTruncated() {
    Path data = NabSample.root().resolve("data");
    String name = "realTraffic/speed_7578.csv";
    Series series = NabCsv.readSeries(Corpus.resolve(data, name), name, w -> {});
    assertCausal(series, 300, 317, 675, series.size() - 1);
  }

  @Test
  void sameSeriesGivesTheSameScores() {
    Series series = dailyWave(6, 4, 7);
    assertThat(loop().scores(series)).containsExactly(loop().scores(series));
  }

  @Test
  void eachModelIsTrainedOnExactlyTheRowsBeforeItIsInstalled() {
    List<Integer> sizes = new ArrayList<>();
    ForecasterTrainer ridge = new RidgeTrainer(1e-3);
    ForecasterTrainer spy =
        examples -> {
          sizes.add(examples.size());
          return ridge.train(examples);
        };
    LoopConfig defaults = LoopConfig.defaults();
    var noSeasons = new FeatureSpec(24, List.of(), 0);
    var config =
        new LoopConfig(
            defaults.statistical(),
            noSeasons,
            new RetrainSchedule(300, 1.5, 400),
            defaults.ridgePenalty(),
            defaults.maxExamples(),
            defaults.errorReadings(),
            defaults.averagingReadings(),
            defaults.likelihoodHorizon(),
            defaults.forecastCorrection(),
            defaults.statisticalCorrection(),
            defaults.fusionFloor(),
            defaults.raiseScore(),
            defaults.clearScore(),
            defaults.quietReadings(),
            defaults.quietMillis());

    new LoopRunner(config, spy).scores(dailyWave(5, 9, 3).truncate(1400));

    // due at 300, 450, 675, 1013 rows (the next, 1413, lies beyond the series); each training
    // takes every row before that point with 24 rows of history behind it.
    assertThat(sizes).containsExactly(300 - 24, 450 - 24, 675 - 24, 1013 - 24);
  }

  @Test
  void findsAMissingDailyJumpThatTheStatisticalBaselineCannotSee() {
    int skippedDay = 11;
    Series series = dailyWave(14, skippedDay, 5);
    double[] loop = loop().scores(series);
    double[] baseline = NabRunner.scores(series, RobustAnomalyDetector.withDefaults());

    int from = skippedDay * PER_DAY;
    int to = from + PER_DAY;
    assertThat(max(loop, from, to))
        .as("loop on the day without a jump")
        .isGreaterThanOrEqualTo(0.5);
    assertThat(max(baseline, from, to)).as("baseline on that day").isLessThan(0.5);
    // ... and the ordinary days after the first week do not alarm
    assertThat(max(loop, 8 * PER_DAY, from)).as("loop on ordinary days").isLessThan(0.5);
  }

  private static double max(double[] scores, int from, int to) {
    return Arrays.stream(scores, from, to).max().orElseThrow();
  }
}
