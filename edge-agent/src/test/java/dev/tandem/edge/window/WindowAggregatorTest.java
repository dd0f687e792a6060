package dev.tandem.edge.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WindowAggregatorTest {
  record Emitted(
      long start,
      long end,
      long count,
      double mean,
      double min,
      double max,
      double stddev,
      double p50,
      double p99,
      long late) {}

  private final List<Emitted> emitted = new ArrayList<>();

  private WindowAggregator aggregator(WindowSpec spec) {
    return new WindowAggregator(
        spec,
        (start, end, s, late) ->
            emitted.add(
                new Emitted(
                    start,
                    end,
                    s.count(),
                    s.mean(),
                    s.min(),
                    s.max(),
                    s.stddev(),
                    s.quantile(0.5),
                    s.quantile(0.99),
                    late)));
  }

  @Test
  void tumblingWindowsHoldExactStatistics() {
    var windows = aggregator(WindowSpec.tumbling(Duration.ofSeconds(10), Duration.ZERO));
    for (int i = 0; i < 30; i++) {
      windows.add(i * 1000L, i); // one reading per second, values 0..29
    }
    windows.flush();

    assertThat(emitted).hasSize(3);
    var first = emitted.get(0);
    assertThat(first.start()).isZero();
    assertThat(first.end()).isEqualTo(10_000);
    assertThat(first.count()).isEqualTo(10);
    assertThat(first.mean()).isEqualTo(4.5);
    assertThat(first.min()).isZero();
    assertThat(first.max()).isEqualTo(9);
    assertThat(first.stddev()).isCloseTo(Math.sqrt(8.25), within(1e-9));
    assertThat(emitted.get(2).mean()).isEqualTo(24.5);
  }

  @Test
  void windowIsEmittedWhenTheWatermarkPassesItsEnd() {
    var windows = aggregator(WindowSpec.tumbling(Duration.ofSeconds(10), Duration.ofSeconds(2)));
    windows.add(1_000, 1);
    windows.add(11_000, 2);
    assertThat(emitted).as("lateness keeps the first window open").isEmpty();
    windows.add(12_000, 3);
    assertThat(emitted).hasSize(1);
  }

  @Test
  void outOfOrderReadingWithinLatenessCountsAndLaterOnesAreDroppedAndReported() {
    var windows = aggregator(WindowSpec.tumbling(Duration.ofSeconds(10), Duration.ofSeconds(2)));
    windows.add(5_000, 1);
    windows.add(11_000, 2);
    windows.add(9_000, 3); // out of order, but the first window is still open
    windows.add(12_500, 4); // closes the first window
    windows.add(8_000, 5); // too late: its window is gone
    windows.flush();

    assertThat(emitted).hasSize(2);
    assertThat(emitted.get(0).count()).isEqualTo(2);
    assertThat(emitted.get(0).late()).isZero();
    assertThat(emitted.get(1).count()).isEqualTo(2);
    assertThat(emitted.get(1).late()).isEqualTo(1);
    assertThat(windows.lateReadings()).isEqualTo(1);
  }

  @Test
  void slidingWindowsOverlapByTheHop() {
    var windows =
        aggregator(WindowSpec.sliding(Duration.ofSeconds(4), Duration.ofSeconds(2), Duration.ZERO));
    for (int i = 0; i < 8; i++) {
      windows.add(i * 1000L, i);
    }
    windows.flush();

    assertThat(emitted).extracting(Emitted::start).containsExactly(-2000L, 0L, 2000L, 4000L, 6000L);
    assertThat(emitted.get(1).count()).isEqualTo(4);
    assertThat(emitted.get(1).mean()).isEqualTo(1.5);
    assertThat(emitted.get(2).mean()).isEqualTo(3.5);
  }

  @Test
  void aLongGapEmitsOnlyWindowsWithReadings() {
    var windows = aggregator(WindowSpec.tumbling(Duration.ofSeconds(1), Duration.ZERO));
    windows.add(0, 1);
    windows.add(86_400_000L * 30, 2); // a month later
    windows.flush();

    assertThat(emitted).extracting(Emitted::count).containsExactly(1L, 1L);
  }

  @Test
  void quantilesAreWithinOnePercentOnAMillionReadings() {
    var windows = aggregator(WindowSpec.tumbling(Duration.ofSeconds(1_000_000), Duration.ZERO));
    var random = new Random(1);
    double[] values = new double[1_000_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = 100 + 20 * random.nextGaussian();
      windows.add(i, values[i]);
    }
    windows.flush();
    java.util.Arrays.sort(values);

    var window = emitted.get(0);
    assertThat(window.p50()).isCloseTo(values[500_000], within(values[500_000] * 0.01));
    assertThat(window.p99()).isCloseTo(values[990_000], within(values[990_000] * 0.01));
  }

  @Test
  void badGeometryIsRefused() {
    assertThatThrownBy(() -> new WindowSpec(0, 1, 0)).hasMessageContaining("window size");
    assertThatThrownBy(() -> new WindowSpec(10, 3, 0)).hasMessageContaining("hop must divide");
    assertThatThrownBy(() -> new WindowSpec(10, 10, -1)).hasMessageContaining("lateness");
    assertThatThrownBy(() -> new WindowSpec(10_000, 1, 0)).hasMessageContaining("1024 hops");
  }
}
