package dev.tandem.trainer.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.edgemodel.Activation;
import dev.tandem.edgemodel.DenseLayer;
import dev.tandem.edgemodel.EdgeModel;
import dev.tandem.edgemodel.EdgeModelReader;
import dev.tandem.edgemodel.EdgeModelWriter;
import dev.tandem.trainer.data.Examples;
import org.junit.jupiter.api.Test;

class ForecastCalibrationTest {
  /** Forecasts the last value of a 2-window; residuals are then the steps of the series. */
  static final EdgeModel LAST_VALUE =
      EdgeModel.builder()
          .name("last")
          .version("1")
          .layer(
              DenseLayer.float32(2, 1, Activation.LINEAR, new float[] {0f, 1f}, new float[] {0f}))
          .build();

  @Test
  void fitsTheResidualsAndTravelsInTheEdgeFile() {
    // targets minus last value: +1, -1, +1, -1 -> mean 0, std 1
    Examples e =
        new Examples(
            2,
            1,
            new float[] {0, 0, 0, 1, 0, 0, 0, 1},
            new float[] {1, 0, 1, 0},
            new long[] {1, 2, 3, 4});
    ForecastCalibration c = ForecastCalibration.fit(LAST_VALUE, e);
    assertThat(c.residualMean()).isCloseTo(0, within(1e-9));
    assertThat(c.residualStd()).isCloseTo(1, within(1e-9));
    EdgeModel stored = new EdgeModelReader().read(EdgeModelWriter.toBytes(c.into(LAST_VALUE)));
    assertThat(ForecastCalibration.from(stored)).isEqualTo(c);
  }

  @Test
  void likelihood_growsWithTheError() {
    ForecastCalibration c = new ForecastCalibration(0, 2);
    assertThat(c.likelihood(10, 10)).isCloseTo(0, within(1e-6));
    assertThat(c.likelihood(12, 10)).isCloseTo(0.6827, within(1e-3)); // one std: 68.3%
    assertThat(c.likelihood(4, 10)).isCloseTo(0.9973, within(1e-3)); // three std
    assertThat(c.likelihood(30, 10)).isGreaterThan(0.999999);
  }
}
