package dev.tandem.edge.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FiltersTest {

  @Test
  void medianFilterMatchesASortedReferenceOverARandomStream() {
    var filter = new MedianFilter(5);
    var random = new Random(7);
    double[] last = new double[5];
    for (int i = 0; i < 10_000; i++) {
      double v = Math.round(random.nextGaussian() * 10) / 2.0; // many duplicates on purpose
      last[i % 5] = v;
      double got = filter.apply(v);
      int n = Math.min(i + 1, 5);
      double[] window = Arrays.copyOf(last, n);
      if (i >= 5) {
        window = last.clone();
      }
      Arrays.sort(window);
      double expected = n % 2 == 1 ? window[n / 2] : (window[n / 2 - 1] + window[n / 2]) / 2;
      assertThat(got).as("reading %d", i).isEqualTo(expected);
    }
  }

  @Test
  void hampelReplacesASpikeByTheMedianAndKeepsNormalReadings() {
    var filter = new HampelFilter(7, 3);
    double[] input = {10, 10.2, 9.9, 10.1, 10.0, 9.8, 50, 10.1, 10.0};
    double[] output = new double[input.length];
    for (int i = 0; i < input.length; i++) {
      output[i] = filter.apply(input[i]);
    }

    assertThat(output[6]).isCloseTo(10.0, within(0.11));
    assertThat(output[7]).isEqualTo(10.1);
    assertThat(filter.replaced()).isEqualTo(1);
  }

  @Test
  void hampelLetsAGenuineLevelShiftThroughOnceItDominatesTheWindow() {
    var filter = new HampelFilter(5, 3);
    double last = 0;
    for (int i = 0; i < 20; i++) {
      last = filter.apply(i < 10 ? 1.0 + 0.01 * (i % 3) : 5.0 + 0.01 * (i % 3));
    }
    assertThat(last).isCloseTo(5.0, within(0.05));
  }

  @Test
  void exponentialSmoothingStartsAtTheFirstReadingAndConverges() {
    var filter = new ExponentialSmoothing(0.5);
    assertThat(filter.apply(10)).isEqualTo(10);
    assertThat(filter.apply(20)).isEqualTo(15);
    assertThat(filter.apply(20)).isEqualTo(17.5);
    filter.reset();
    assertThat(filter.apply(4)).isEqualTo(4);
  }

  @Test
  void badParametersAreRefusedByName() {
    assertThatThrownBy(() -> new MedianFilter(0)).hasMessageContaining("median window");
    assertThatThrownBy(() -> new HampelFilter(2, 3)).hasMessageContaining("hampel window");
    assertThatThrownBy(() -> new HampelFilter(5, 0)).hasMessageContaining("hampel sigmas");
    assertThatThrownBy(() -> new ExponentialSmoothing(1.5)).hasMessageContaining("alpha");
  }
}
