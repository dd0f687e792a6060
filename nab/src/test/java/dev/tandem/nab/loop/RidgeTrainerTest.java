package dev.tandem.nab.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RidgeTrainerTest {
  private static final FeatureSpec TWO_LAGS = new FeatureSpec(2, List.of(), 0);

  @Test
  void recoversALinearRelationWithoutPenalty() {
    Random random = new Random(1);
    double[][] inputs = new double[500][2];
    double[] targets = new double[500];
    for (int i = 0; i < 500; i++) {
      inputs[i][0] = random.nextGaussian();
      inputs[i][1] = random.nextGaussian();
      targets[i] = 2 * inputs[i][0] - inputs[i][1] + 0.5;
    }

    Forecaster model = new RidgeTrainer(0).train(new TrainingSet(TWO_LAGS, inputs, targets));

    assertThat(model.predict(new double[] {1, 1})).isCloseTo(1.5, within(1e-6));
    assertThat(model.predict(new double[] {0, 0})).isCloseTo(0.5, within(1e-6));
  }

  @Test
  void penaltyShrinksWeightsButNotTheIntercept() {
    double[][] inputs = {{1, 0}, {-1, 0}, {1, 0}, {-1, 0}};
    double[] targets = {5 + 1, 5 - 1, 5 + 1, 5 - 1};

    var model =
        (RidgeTrainer.LinearForecaster)
            new RidgeTrainer(1).train(new TrainingSet(TWO_LAGS, inputs, targets));

    // (sum x^2 + penalty * n) w = sum x y: (4 + 4) w = 4
    assertThat(model.weights()[0]).isCloseTo(0.5, within(1e-9));
    assertThat(model.intercept()).isCloseTo(5, within(1e-6));
  }

  @Test
  void aConstantStreamIsStillSolvable() {
    double[][] inputs = {{3, 3}, {3, 3}, {3, 3}};
    double[] targets = {3, 3, 3};

    Forecaster model = new RidgeTrainer(0).train(new TrainingSet(TWO_LAGS, inputs, targets));

    assertThat(model.predict(new double[] {3, 3})).isCloseTo(3, within(1e-6));
  }

  @Test
  void refusesNegativePenaltyAndEmptyOrMisshapenSets() {
    assertThatThrownBy(() -> new RidgeTrainer(-1))
        .hasMessage("penalty must be finite and >= 0, got -1.0");
    assertThatThrownBy(
            () ->
                new RidgeTrainer(0)
                    .train(new TrainingSet(TWO_LAGS, new double[0][], new double[0])))
        .hasMessage("no examples to train on");
    assertThatThrownBy(() -> new TrainingSet(TWO_LAGS, new double[][] {{1}}, new double[] {1}))
        .hasMessage("input rows must be 2 wide, got 1");
    assertThatThrownBy(() -> new TrainingSet(TWO_LAGS, new double[][] {{1, 2}}, new double[0]))
        .hasMessage("1 input rows but 0 targets");
  }
}
