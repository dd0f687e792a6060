package dev.tandem.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.edgemodel.Activation;
import dev.tandem.trainer.TrainerError;
import dev.tandem.trainer.TrainerException;
import dev.tandem.trainer.data.Examples;
import dev.tandem.trainer.data.Normalizer;
import dev.tandem.trainer.data.TimeSplit;
import dev.tandem.trainer.data.VibrationWindows;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTrainerTest {
  static final Architecture SMALL =
      new Architecture(32, List.of(16), 4, Activation.RELU, Task.CLASSIFY);

  static TimeSplit.Parts data() {
    Examples all = VibrationWindows.generate(11, 1200, 32, 0);
    TimeSplit.Parts p = new TimeSplit(0.15, 0.15).split(all);
    var norm = Normalizer.fitShared(p.train().x(), 32);
    return new TimeSplit.Parts(
        normalised(p.train(), norm), normalised(p.validation(), norm), normalised(p.test(), norm));
  }

  static Examples normalised(Examples e, dev.tandem.edgemodel.Normalization n) {
    return new Examples(e.inputs(), e.outputs(), Normalizer.apply(n, e.x()), e.y(), e.timeMs());
  }

  @Test
  void learns_andPrintsOneLinePerEpoch() {
    TimeSplit.Parts d = data();
    List<EpochProgress> seen = new ArrayList<>();
    TrainResult r =
        new ModelTrainer(
                p -> {
                  seen.add(p);
                  System.out.println(p.line());
                },
                new CancellationFlag())
            .train(
                Weights.initial(SMALL, 1),
                d.train(),
                d.validation(),
                null,
                null,
                null,
                TrainOptions.of(1, 15, 32, 0.01f));
    assertThat(seen).hasSameSizeAs(r.history()).isNotEmpty();
    assertThat(seen.get(0).line())
        .startsWith("epoch 1 loss ")
        .contains("val_accuracy", "samples/s");
    assertThat(ModelTrainer.metric(r.weights(), d.test())).isGreaterThan(0.8);
    assertThat(r.samplesPerSecond()).isPositive();
  }

  @Test
  void sameSeed_sameWeights() {
    TimeSplit.Parts d = data();
    TrainOptions o = TrainOptions.of(7, 3, 32, 0.01f);
    Weights a = train(d, o);
    Weights b = train(d, o);
    Weights c = train(d, TrainOptions.of(8, 3, 32, 0.01f));
    assertThat(a.sameValues(b)).isTrue();
    assertThat(a.sameValues(c)).isFalse();
  }

  @Test
  void earlyStopping_keepsTheBestEpoch() {
    TimeSplit.Parts d = data();
    TrainResult r =
        new ModelTrainer(p -> {}, new CancellationFlag())
            .train(
                Weights.initial(SMALL, 1),
                d.train(),
                d.validation(),
                null,
                null,
                null,
                TrainOptions.of(1, 200, 32, 0.05f).withPatience(2));
    assertThat(r.stoppedEarly(200)).isTrue();
    assertThat(r.history().size()).isEqualTo(r.bestEpoch() + 2);
    double bestLoss = r.history().get(r.bestEpoch() - 1).validationLoss();
    assertThat(r.history())
        .allSatisfy(p -> assertThat(p.validationLoss()).isGreaterThanOrEqualTo(bestLoss));
  }

  @Test
  void cancelled_betweenBatches() {
    TimeSplit.Parts d = data();
    CancellationFlag flag = new CancellationFlag();
    List<EpochProgress> seen = new ArrayList<>();
    assertThatThrownBy(
            () ->
                new ModelTrainer(
                        p -> {
                          seen.add(p);
                          flag.cancel();
                        },
                        flag)
                    .train(
                        Weights.initial(SMALL, 1),
                        d.train(),
                        d.validation(),
                        null,
                        null,
                        null,
                        TrainOptions.of(1, 50, 32, 0.01f)))
        .isInstanceOfSatisfying(
            TrainerException.class, e -> assertThat(e.error()).isEqualTo(TrainerError.CANCELLED))
        .hasMessageContaining("epoch 2");
    assertThat(seen).hasSize(1);
  }

  @Test
  void nanLoss_failsTheJobWithAReason() {
    TimeSplit.Parts d = data();
    Architecture forecaster = new Architecture(32, List.of(16), 1, Activation.RELU, Task.FORECAST);
    float[] huge = d.train().x().clone();
    for (int i = 0; i < huge.length; i++) {
      huge[i] *= 1e30f;
    }
    Examples bad = new Examples(32, 1, huge, new float[d.train().size()], d.train().timeMs());
    Examples val =
        new Examples(
            32, 1, d.validation().x(), new float[d.validation().size()], d.validation().timeMs());
    assertThatThrownBy(
            () ->
                new ModelTrainer(p -> {}, new CancellationFlag())
                    .train(
                        Weights.initial(forecaster, 1),
                        bad,
                        val,
                        null,
                        null,
                        null,
                        TrainOptions.of(1, 3, 32, 0.01f)))
        .isInstanceOfSatisfying(
            TrainerException.class, e -> assertThat(e.error()).isEqualTo(TrainerError.NAN_LOSS))
        .hasMessageContaining("learning rate");
  }

  private static Weights train(TimeSplit.Parts d, TrainOptions o) {
    return new ModelTrainer(p -> {}, new CancellationFlag())
        .train(Weights.initial(SMALL, o.seed()), d.train(), d.validation(), null, null, null, o)
        .weights();
  }
}
