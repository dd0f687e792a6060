package dev.tandem.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.trainer.TrainerError;
import dev.tandem.trainer.TrainerException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeSplitTest {
  static Examples timed(long... times) {
    return new Examples(1, 1, new float[times.length], new float[times.length], times);
  }

  @Test
  void everyTrainingExampleIsOlderThanValidationOlderThanTest() {
    TimeSplit.Parts p = new TimeSplit(0.2, 0.2).split(timed(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    assertThat(p.train().timeMs()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(p.validation().timeMs()).containsExactly(7, 8);
    assertThat(p.test().timeMs()).containsExactly(9, 10);
  }

  @Test
  void sameInstant_staysInOnePart() {
    // the test part would start between the two examples at 8: both go to the test part
    TimeSplit.Parts p = new TimeSplit(0.2, 0.2).split(timed(1, 2, 3, 4, 5, 6, 7, 8, 8, 10));
    assertThat(p.validation().timeMs()).containsExactly(7);
    assertThat(p.test().timeMs()).containsExactly(8, 8, 10);
  }

  @Test
  void tooFewExamples_isBadData() {
    assertThatThrownBy(() -> new TimeSplit(0.15, 0.15).split(timed(1, 2)))
        .isInstanceOfSatisfying(
            TrainerException.class, e -> assertThat(e.error()).isEqualTo(TrainerError.BAD_DATA));
  }

  @Test
  void outOfOrderOrNonFinite_refused() {
    assertThatThrownBy(() -> timed(2, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Examples(1, 1, new float[] {Float.NaN}, new float[1], new long[] {1}))
        .isInstanceOfSatisfying(
            TrainerException.class, e -> assertThat(e.error()).isEqualTo(TrainerError.BAD_DATA));
  }

  @Test
  void deviceSelector_globs() {
    DeviceSelector s = new DeviceSelector(List.of("press-*", "line2-000?"));
    assertThat(s.matches("press-17")).isTrue();
    assertThat(s.matches("line2-0007")).isTrue();
    assertThat(s.matches("line2-0017")).isFalse();
    assertThat(s.matches("xpress-1")).isFalse();
    assertThat(DeviceSelector.all().matches("anything")).isTrue();
  }

  @Test
  void forecastWindows_neverMixSeries() {
    Examples e =
        ForecastWindows.build(
            List.of(
                new ForecastWindows.Series(
                    "a", new double[] {1, 2, 3, 4}, new long[] {10, 20, 30, 40}),
                new ForecastWindows.Series("b", new double[] {7, 8, 9}, new long[] {15, 25, 35})),
            2);
    assertThat(e.size()).isEqualTo(3);
    assertThat(e.timeMs()).containsExactly(30, 35, 40);
    assertThat(e.x()).containsExactly(1, 2, 7, 8, 2, 3);
    assertThat(e.y()).containsExactly(3, 9, 4);
  }
}
