package dev.tandem.trainer.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.edgemodel.Activation;
import dev.tandem.edgemodel.EdgeModelReader;
import dev.tandem.edgemodel.Normalization;
import dev.tandem.trainer.data.Examples;
import dev.tandem.trainer.data.Normalizer;
import dev.tandem.trainer.data.TimeSplit;
import dev.tandem.trainer.data.VibrationWindows;
import dev.tandem.trainer.model.Architecture;
import dev.tandem.trainer.model.CancellationFlag;
import dev.tandem.trainer.model.ModelTrainer;
import dev.tandem.trainer.model.Task;
import dev.tandem.trainer.model.TrainOptions;
import dev.tandem.trainer.model.Weights;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EdgeOptimizerTest {
  static List<Variant> variants;

  @BeforeAll
  static void optimize() {
    Examples all = VibrationWindows.generate(21, 3000, 32, 0);
    TimeSplit.Parts p = new TimeSplit(0.15, 0.2).split(all);
    Normalization in = Normalizer.fitShared(p.train().x(), 32);
    Examples train = norm(p.train(), in);
    Examples val = norm(p.validation(), in);
    ModelTrainer trainer =
        new ModelTrainer(e -> System.out.println(e.line()), new CancellationFlag());
    TrainOptions options = TrainOptions.of(1, 30, 64, 0.003f);
    Architecture teacher =
        new Architecture(32, List.of(128, 64), 4, Activation.RELU, Task.CLASSIFY);
    Weights t =
        trainer.train(Weights.initial(teacher, 1), train, val, null, null, null, options).weights();
    variants =
        new EdgeOptimizer(trainer, System.out::println)
            .run(
                t,
                new EdgeOptimizer.Data(
                    train, val, p.validation(), p.test(), in, Normalization.identity(4)),
                new OptimizationPlan(
                    new Architecture(32, List.of(48), 4, Activation.RELU, Task.CLASSIFY),
                    0.3f,
                    3f,
                    0.5,
                    10,
                    2.0),
                options,
                new EdgeOptimizer.Naming("vibration", "1.0.0", Map.of("task", "classify")));
    System.out.println(VariantReport.header());
    variants.forEach(v -> System.out.println(v.report().row()));
  }

  static Examples norm(Examples e, Normalization n) {
    return new Examples(e.inputs(), e.outputs(), Normalizer.apply(n, e.x()), e.y(), e.timeMs());
  }

  @Test
  void fourVariants_teacherFirstAndRegistered() {
    assertThat(variants)
        .extracting(Variant::name)
        .containsExactly("teacher-fp32", "student-fp32", "student-int8", "student-pruned-int8");
    assertThat(variants.get(0).registered()).isTrue();
    assertThat(variants.get(0).report().qualityLoss()).isZero();
  }

  @Test
  void studentsAreMuchSmaller_andWithinTwoPoints() {
    long teacher = variants.get(0).report().sizeBytes();
    Variant int8 = variants.get(2);
    assertThat(int8.report().sizeBytes()).isLessThan(teacher / 10);
    assertThat(int8.report().qualityLoss()).isLessThanOrEqualTo(2.0);
    assertThat(int8.registered()).isTrue();
  }

  @Test
  void pruned_hasHalfItsKernelAtZero_andCompressesBetter() {
    Variant pruned = variants.get(3);
    Variant int8 = variants.get(2);
    assertThat(pruned.report().nonZeroParameters())
        .isLessThan(int8.report().nonZeroParameters() * 6 / 10);
    assertThat(pruned.report().compressedBytes()).isLessThan(int8.report().compressedBytes());
  }

  @Test
  void edgeArtifacts_readBackAsTheirModels() {
    for (Variant v : variants.subList(2, 4)) {
      assertThat(new EdgeModelReader().read(v.artifact())).isEqualTo(v.model());
      assertThat(v.model().metadata())
          .containsEntry("variant", v.name())
          .containsEntry("task", "classify");
    }
  }

  @Test
  void qualityOverTolerance_isNotRegistered() {
    assertThat(Quality.ACCURACY_PERCENT.loss(95, 93.5)).isEqualTo(1.5);
    assertThat(Quality.RMSE.loss(2.0, 2.1))
        .isCloseTo(5.0, org.assertj.core.api.Assertions.within(1e-9));
  }
}
