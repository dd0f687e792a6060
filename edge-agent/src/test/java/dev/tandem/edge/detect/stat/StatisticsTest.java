package dev.tandem.edge.detect.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.edge.rolling.SortedWindow;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The building blocks, each against a plain, obviously correct computation. */
class StatisticsTest {

  @Test
  void sortedWindowKeepsExactQuantilesOfTheLastValues() {
    var window = new SortedWindow(50);
    Deque<Double> last = new ArrayDeque<>();
    Random random = new Random(1);
    for (int i = 0; i < 2000; i++) {
      double value = random.nextInt(20) - 10 + (random.nextBoolean() ? 0.0 : -0.0);
      window.add(value);
      last.addLast(value);
      if (last.size() > 50) {
        last.removeFirst();
      }
      double[] sorted = last.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      assertThat(window.size()).isEqualTo(sorted.length);
      assertThat(window.min()).isEqualTo(sorted[0]);
      assertThat(window.max()).isEqualTo(sorted[sorted.length - 1]);
      double position = 0.25 * (sorted.length - 1);
      int below = (int) position;
      double expected =
          sorted[below]
              + (position - below)
                  * (sorted[Math.min(below + 1, sorted.length - 1)] - sorted[below]);
      assertThat(window.quantile(0.25)).isCloseTo(expected, within(1e-12));
    }
  }

  @Test
  void patternDistanceMatchesABruteForceNearestNeighbour() {
    int length = 4;
    int history = 30;
    var patterns = new PatternDistance(length, history);
    Random random = new Random(2);
    double[] values = new double[9000]; // crosses the periodic exact recomputation
    for (int t = 0; t < values.length; t++) {
      values[t] = 1000 + random.nextGaussian();
      double distance = patterns.add(values[t]);
      double best = Double.POSITIVE_INFINITY;
      for (int lag = length; lag <= history && t - lag - length + 1 >= 0; lag++) {
        double sum = 0;
        for (int k = 0; k < length; k++) {
          double d = values[t - k] - values[t - lag - k];
          sum += d * d;
        }
        best = Math.min(best, sum);
      }
      if (best == Double.POSITIVE_INFINITY) {
        assertThat(distance).as("t=%d", t).isNaN();
      } else {
        assertThat(distance).as("t=%d", t).isCloseTo(Math.sqrt(best / length), within(1e-6));
      }
    }
  }

  @Test
  void rangeTrackerSeesValuesOutsideTheRecentRangeWithTolerance() {
    var range = new RangeTracker(64); // blocks of 2
    for (int i = 0; i < 64; i++) {
      range.add(i % 2 == 0 ? 0 : 10);
    }
    assertThat(range.spread()).isEqualTo(10);
    assertThat(range.isOutside(10.4, 0.05)).isFalse();
    assertThat(range.isOutside(10.6, 0.05)).isTrue();
    assertThat(range.isOutside(-0.6, 0.05)).isTrue();
    for (int i = 0; i < 70; i++) {
      range.add(5);
    }
    assertThat(range.spread()).as("old extremes forgotten").isZero();
    assertThat(range.isOutside(100, 0.05)).as("no spread known").isFalse();
  }

  @Test
  void gaussianTailDecadesMatchKnownValues() {
    assertThat(Gaussian.upperTailDecades(0)).isCloseTo(-Math.log10(0.5), within(1e-6));
    assertThat(Gaussian.upperTailDecades(1.959964)).isCloseTo(-Math.log10(0.025), within(1e-5));
    assertThat(Gaussian.upperTailDecades(4.264891)).isCloseTo(5, within(1e-3));
    // continuous where the asymptotic form takes over, and growing like z^2 / (2 ln 10)
    assertThat(Gaussian.upperTailDecades(8.0001))
        .isCloseTo(Gaussian.upperTailDecades(7.9999), within(1e-3));
    assertThat(Gaussian.upperTailDecades(40)).isCloseTo(349.4, within(0.5));
  }

  @Test
  void likelihoodIsCalmForSteadyRawScoresAndSurprisedByAJump() {
    var likelihood = new AnomalyLikelihood(10, 8640);
    Random random = new Random(3);
    double maxSteady = 0;
    for (int i = 0; i < 5000; i++) {
      maxSteady = Math.max(maxSteady, likelihood.add(0.2 + 0.05 * random.nextDouble()));
    }
    double surprise = 0;
    for (int i = 0; i < 10; i++) {
      surprise = likelihood.add(1.0);
    }
    assertThat(maxSteady).isLessThan(3);
    assertThat(surprise).isGreaterThan(10);
  }

  @Test
  void likelihoodRefusesAnEmptyAverageOrHorizonNamingBoth() {
    assertThatThrownBy(() -> new AnomalyLikelihood(0, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("averaging must be >= 1 and horizon >= 2, got 0 and 100");
    assertThatThrownBy(() -> new AnomalyLikelihood(10, 1))
        .hasMessage("averaging must be >= 1 and horizon >= 2, got 10 and 1");
  }

  @Test
  void volatilityIsTheMeanAbsoluteChangeOfTheWindow() {
    var volatility = new Volatility(4);
    double[] changes = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    double last = 0;
    for (double change : changes) {
      last = volatility.add(change);
    }
    assertThat(volatility.isFull()).isTrue();
    assertThat(last).isEqualTo(Arrays.stream(new double[] {6, 7, 8, 9}).average().orElseThrow());
  }
}
