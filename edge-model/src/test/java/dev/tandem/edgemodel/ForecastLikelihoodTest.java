package dev.tandem.edgemodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ForecastLikelihoodTest {
  @Test
  void likelihood_followsTheNormalMass() {
    ForecastLikelihood l = new ForecastLikelihood(0.5, 2);
    assertThat(l.likelihood(10.5, 10)).isCloseTo(0, within(1e-6));
    assertThat(l.likelihood(12.5, 10)).isCloseTo(0.6827, within(1e-3));
    assertThat(l.likelihood(4.5, 10)).isCloseTo(0.9973, within(1e-3));
  }

  @Test
  void travelsInTheModelFile() {
    EdgeModel m = new ForecastLikelihood(-0.25, 1.5).into(Models.tiny());
    EdgeModel back = new EdgeModelReader().read(EdgeModelWriter.toBytes(m));
    assertThat(ForecastLikelihood.of(back)).isEqualTo(new ForecastLikelihood(-0.25, 1.5));
  }

  @Test
  void missingOrBadCalibration_refused() {
    assertThatThrownBy(() -> ForecastLikelihood.of(Models.tiny()))
        .isInstanceOfSatisfying(
            EdgeModelException.class,
            e -> assertThat(e.error()).isEqualTo(EdgeModelError.INVALID_VALUE));
    assertThatThrownBy(() -> new ForecastLikelihood(0, 0)).isInstanceOf(EdgeModelException.class);
  }
}
