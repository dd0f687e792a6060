package dev.tandem.nab.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Feature windows, normalisation and the retraining schedule. */
class FeaturesTest {
  private static final long HOUR = 3_600_000L;

  /** Hourly rows with a gap: hours 0..29, then 40..60; the value is the hour. */
  private static History hourlyWithGap() {
    History history = new History();
    for (int h = 0; h <= 60; h++) {
      if (h < 30 || h >= 40) {
        history.add(h * HOUR, h);
      }
    }
    return history;
  }

  @Test
  void seasonalInputsAreFoundByTimeNotByRowCount() {
    History history = hourlyWithGap();
    var spec = new FeatureSpec(2, List.of(FeatureSpec.DAY_MILLIS), 1);
    var identity = new Scale(0, 1);
    double[] out = new double[spec.width()];
    int row = history.size() - 1; // hour 60, the row whose value is forecast

    spec.features(history, row, history.timestamp(row), identity, out);

    // lags: hours 59, 58; a day before hour 60 is hour 36, in the gap: the last row at or before
    // it is hour 29, taken with its neighbours 28 and 40
    assertThat(out).containsExactly(59, 58, 28, 29, 40);
    assertThat(spec.complete(history, row)).isTrue();
    assertThat(spec.complete(history, 10)).as("no day of history yet").isFalse();
  }

  @Test
  void missingInputsFallBackToTheLastValue() {
    History history = hourlyWithGap();
    var spec = new FeatureSpec(3, List.of(FeatureSpec.WEEK_MILLIS), 0);
    double[] out = new double[spec.width()];

    spec.features(history, 2, history.timestamp(2), new Scale(0, 1), out);

    assertThat(out).containsExactly(1, 0, 1, 1);
  }

  @Test
  void scaleIsRobustAndNeverZero() {
    History history = new History();
    for (int i = 0; i < 100; i++) {
      history.add(i, i == 50 ? 1e6 : 10 + (i % 4));
    }
    Scale scale = Scale.fit(history, 100);
    assertThat(scale.center()).as("median, the outlier ignored").isEqualTo(12.0);
    // interquartile range 2, but one outlier makes a tenth of the range the larger
    assertThat(scale.spread()).isCloseTo(0.1 * (1e6 - 10), within(1e-6));
    assertThat(scale.denormalize(scale.normalize(42))).isCloseTo(42, within(1e-9));

    History flat = new History();
    flat.add(0, 7);
    flat.add(1, 7);
    assertThat(Scale.fit(flat, 2).spread()).isPositive();
  }

  @Test
  void scheduleTrainsFirstAfterFirstRowsThenAtGrowingIntervalsCappedByMaxInterval() {
    var schedule = new RetrainSchedule(300, 1.5, 2016);
    assertThat(schedule.due(299, 0)).isFalse();
    assertThat(schedule.due(300, 0)).isTrue();
    assertThat(schedule.due(449, 300)).isFalse();
    assertThat(schedule.due(450, 300)).isTrue();
    assertThat(schedule.due(10_000, 8000)).as("8000 + 2016 first").isFalse();
    assertThat(schedule.due(10_016, 8000)).isTrue();
  }

  @Test
  void settingsNameTheBadValue() {
    assertThatThrownBy(() -> new RetrainSchedule(1, 1.5, 10))
        .hasMessage("firstRows must be >= 2, got 1");
    assertThatThrownBy(() -> new RetrainSchedule(300, 1, 10))
        .hasMessage("growth must be finite and > 1, got 1.0");
    assertThatThrownBy(() -> new FeatureSpec(0, List.of(), 0))
        .hasMessage("lags must be >= 1, got 0");
    assertThatThrownBy(() -> new FeatureSpec(1, List.of(0L), 0))
        .hasMessage("periods must be > 0 ms, got 0");
    assertThatThrownBy(() -> new Scale(0, 0)).hasMessage("spread must be finite and > 0, got 0.0");
    LoopConfig d = LoopConfig.defaults();
    assertThatThrownBy(
            () ->
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
                    0.5,
                    0.6,
                    d.quietReadings(),
                    d.quietMillis()))
        .hasMessage("clearScore must be in [0, raiseScore=0.5), got 0.6");
    assertThatThrownBy(
            () ->
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
                    0.5,
                    0.3,
                    -1,
                    d.quietMillis()))
        .hasMessage("quietReadings must be >= 0, got -1");
    assertThatThrownBy(
            () ->
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
                    1.0,
                    0.5,
                    0.3,
                    d.quietReadings(),
                    d.quietMillis()))
        .hasMessage("fusionFloor must be in [0, 1), got 1.0");
    assertThatThrownBy(
            () ->
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
                    0.5,
                    d.fusionFloor(),
                    0.5,
                    0.3,
                    d.quietReadings(),
                    d.quietMillis()))
        .hasMessage("statisticalCorrection must be finite and >= 1, got 0.5");
    assertThatThrownBy(
            () ->
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
                    0.5,
                    0.3,
                    d.quietReadings(),
                    -1L))
        .hasMessage("quietMillis must be >= 0, got -1");
  }
}
