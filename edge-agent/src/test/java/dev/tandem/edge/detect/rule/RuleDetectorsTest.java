package dev.tandem.edge.detect.rule;

import static dev.tandem.edge.detect.DetectorSignal.ACTIVE;
import static dev.tandem.edge.detect.DetectorSignal.CLEARED;
import static dev.tandem.edge.detect.DetectorSignal.QUIET;
import static dev.tandem.edge.detect.DetectorSignal.RAISED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.edge.detect.Detector;
import dev.tandem.edge.detect.DetectorSignal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleDetectorsTest {

  private static List<DetectorSignal> run(Detector detector, double... values) {
    List<DetectorSignal> signals = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      signals.add(detector.update(i * 100L, values[i]));
    }
    return signals;
  }

  @Test
  void thresholdRaisesAfterDebounceAndClearsOnlyBelowTheHysteresisBand() {
    var detector = new ThresholdDetector(Double.NEGATIVE_INFINITY, 80, 5, 2);

    assertThat(run(detector, 70, 81, 82, 83, 79, 76, 74, 74, 70))
        .containsExactly(QUIET, QUIET, RAISED, ACTIVE, ACTIVE, ACTIVE, ACTIVE, CLEARED, QUIET);
  }

  @Test
  void thresholdDoesNotFlapOnAValueHoveringAtTheLimit() {
    var detector = new ThresholdDetector(Double.NEGATIVE_INFINITY, 80, 2, 1);

    assertThat(run(detector, 81, 79.5, 80.5, 79.9, 80.1)).filteredOn(s -> s == RAISED).hasSize(1);
  }

  @Test
  void thresholdSeesTheLowLimitToo() {
    var detector = new ThresholdDetector(-10, 10, 0, 1);
    assertThat(run(detector, 0, -11)).containsExactly(QUIET, RAISED);
  }

  @Test
  void rateOfChangeRaisesOnAFastStepEitherWay() {
    var detector = new RateOfChangeDetector(10, 1); // 10 units per second; readings 100 ms apart

    assertThat(run(detector, 0, 0.5, 1.0, 3.5, 3.6, 3.6))
        .containsExactly(QUIET, QUIET, QUIET, RAISED, CLEARED, QUIET);
    detector.reset();
    assertThat(run(detector, 5, 2)).containsExactly(QUIET, RAISED);
  }

  @Test
  void badParametersAreRefusedByName() {
    assertThatThrownBy(() -> new ThresholdDetector(5, 5, 0, 1)).hasMessageContaining("low < high");
    assertThatThrownBy(() -> new ThresholdDetector(0, 5, -1, 1)).hasMessageContaining("hysteresis");
    assertThatThrownBy(() -> new ThresholdDetector(0, 5, 0, 0)).hasMessageContaining("debounce");
    assertThatThrownBy(() -> new RateOfChangeDetector(0, 1)).hasMessageContaining("rate-of-change");
  }
}
