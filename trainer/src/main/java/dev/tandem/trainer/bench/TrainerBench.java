package dev.tandem.trainer.bench;

import dev.tandem.edgemodel.Activation;
import dev.tandem.edgemodel.Normalization;
import dev.tandem.trainer.data.Examples;
import dev.tandem.trainer.data.ForecastWindows;
import dev.tandem.trainer.data.Normalizer;
import dev.tandem.trainer.data.SeasonalSeries;
import dev.tandem.trainer.data.TimeSplit;
import dev.tandem.trainer.data.VibrationWindows;
import dev.tandem.trainer.model.Architecture;
import dev.tandem.trainer.model.CancellationFlag;
import dev.tandem.trainer.model.ModelTrainer;
import dev.tandem.trainer.model.Task;
import dev.tandem.trainer.model.TrainOptions;
import dev.tandem.trainer.model.TrainResult;
import dev.tandem.trainer.model.Weights;
import dev.tandem.trainer.optimize.EdgeOptimizer;
import dev.tandem.trainer.optimize.OptimizationPlan;
import dev.tandem.trainer.optimize.Variant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code ./tandem bench trainer}: for each model family (window classifier, forecaster), trains a
 * teacher on generated data, measures training throughput, shrinks it with the edge optimizer and
 * compares the teacher's full-precision artifact with the smallest registered student.
 */
public final class TrainerBench {
  private final Consumer<String> log;

  public TrainerBench(Consumer<String> log) {
    this.log = log;
  }

  public List<FamilyResult> run() {
    return List.of(classifier(), forecaster());
  }

  public FamilyResult classifier() {
    Examples all = VibrationWindows.generate(7, 6000, 32, 0);
    Architecture teacher =
        new Architecture(32, List.of(256, 128), 4, Activation.RELU, Task.CLASSIFY);
    Architecture student = new Architecture(32, List.of(64), 4, Activation.RELU, Task.CLASSIFY);
    return family("window-classifier", all, teacher, student, 1.0, "points", false);
  }

  public FamilyResult forecaster() {
    Examples all = ForecastWindows.build(SeasonalSeries.generate(7, 8, 1000), 24);
    Architecture teacher =
        new Architecture(24, List.of(256, 128), 1, Activation.RELU, Task.FORECAST);
    Architecture student = new Architecture(24, List.of(32), 1, Activation.RELU, Task.FORECAST);
    return family("forecaster", all, teacher, student, 5.0, "% rmse", true);
  }

  private FamilyResult family(
      String name,
      Examples all,
      Architecture teacherArch,
      Architecture studentArch,
      double tolerance,
      String unit,
      boolean forecast) {
    log.accept("== " + name + ": teacher " + teacherArch + ", student " + studentArch);
    TimeSplit.Parts raw = new TimeSplit(0.15, 0.15).split(all);
    Normalization in = Normalizer.fitShared(raw.train().x(), teacherArch.inputs());
    Normalization out =
        forecast ? Normalizer.fitShared(raw.train().y(), 1) : Normalization.identity(4);
    Examples train = norm(raw.train(), in, out, forecast);
    Examples val = norm(raw.validation(), in, out, forecast);
    ModelTrainer trainer = new ModelTrainer(p -> log.accept(p.line()), new CancellationFlag());
    TrainOptions options = TrainOptions.of(1, 40, 128, 0.002f).withPatience(4);
    TrainResult teacher =
        trainer.train(Weights.initial(teacherArch, 1), train, val, null, null, null, options);
    EdgeOptimizer.Optimized optimized =
        new EdgeOptimizer(trainer, log)
            .optimize(
                teacher.weights(),
                new EdgeOptimizer.Data(train, val, raw.validation(), raw.test(), in, out),
                new OptimizationPlan(studentArch, 0.3f, 3f, 0.5, 8, tolerance),
                options,
                new EdgeOptimizer.Naming("bench-" + name, "1.0.0", Map.of()));
    List<Variant> variants = optimized.variants();
    Variant teacherVariant = variants.get(0);
    Variant smallest =
        variants.stream()
            .skip(1)
            .filter(Variant::registered)
            .min(Comparator.comparingLong(v -> v.report().sizeBytes()))
            .orElse(teacherVariant);
    double reduction =
        100.0 * (1 - (double) smallest.report().sizeBytes() / teacherVariant.report().sizeBytes());
    return new FamilyResult(
        name,
        teacherArch.toString(),
        studentArch.toString(),
        train.size(),
        teacher.samplesPerSecond(),
        optimized.studentSamplesPerSecond(),
        variants.stream().map(Variant::report).toList(),
        smallest.name(),
        reduction,
        smallest.report().qualityLoss(),
        unit);
  }

  private static Examples norm(Examples e, Normalization in, Normalization out, boolean forecast) {
    float[] y = forecast ? Normalizer.apply(out, e.y()) : e.y();
    return new Examples(e.inputs(), e.outputs(), Normalizer.apply(in, e.x()), y, e.timeMs());
  }
}
