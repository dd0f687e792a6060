package dev.tandem.trainer.optimize;

import dev.tandem.edgemodel.EdgeModel;
import dev.tandem.edgemodel.EdgeModelWriter;
import dev.tandem.edgemodel.Normalization;
import dev.tandem.trainer.TrainerError;
import dev.tandem.trainer.TrainerException;
import dev.tandem.trainer.data.Examples;
import dev.tandem.trainer.export.InferenceGraph;
import dev.tandem.trainer.export.SavedModels;
import dev.tandem.trainer.model.ModelTrainer;
import dev.tandem.trainer.model.TrainOptions;
import dev.tandem.trainer.model.TrainResult;
import dev.tandem.trainer.model.Weights;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * From a trained teacher to its variants, each measured on the same test set:
 *
 * <ol>
 *   <li>{@code teacher-fp32}: the teacher, a SavedModel (the reference);
 *   <li>{@code student-fp32}: a small student distilled from the teacher's soft targets;
 *   <li>{@code student-int8}: the student with int8 per-channel weights, an edge model file;
 *   <li>{@code student-pruned-int8}: the student pruned by magnitude, fine-tuned with the pruned
 *       weights held at zero, then quantized, an edge model file.
 * </ol>
 *
 * A variant is marked registered when its quality loss against the teacher is within the plan's
 * tolerance; the teacher always is.
 */
public final class EdgeOptimizer {
  private final ModelTrainer trainer;
  private final Consumer<String> log;

  public EdgeOptimizer(ModelTrainer trainer, Consumer<String> log) {
    this.trainer = trainer;
    this.log = log;
  }

  /** The normalised training data and the raw test set the variants are measured on. */
  public record Data(
      Examples train,
      Examples validation,
      Examples rawValidation,
      Examples rawTest,
      Normalization input,
      Normalization output) {}

  /** Naming and metadata of the exported models. */
  public record Naming(String model, String version, Map<String, String> metadata) {}

  /** The variants, and how fast the student's distillation trained (examples per second). */
  public record Optimized(List<Variant> variants, double studentSamplesPerSecond) {}

  public List<Variant> run(
      Weights teacher, Data data, OptimizationPlan plan, TrainOptions options, Naming naming) {
    return optimize(teacher, data, plan, options, naming).variants();
  }

  public Optimized optimize(
      Weights teacher, Data data, OptimizationPlan plan, TrainOptions options, Naming naming) {
    Quality quality = Quality.of(teacher.architecture().task());
    Evaluator evaluator = new Evaluator(quality);
    List<Variant> variants = new ArrayList<>();

    EdgeModel teacherModel = edge(teacher, data, naming, "teacher-fp32", false);
    Evaluator.Measurement t = evaluator.onTensorFlow(teacherModel, data.rawTest());
    variants.add(
        variant(
            "teacher-fp32",
            Variant.SAVEDMODEL,
            teacherModel,
            savedModel(teacherModel),
            t,
            teacher,
            quality,
            t.metric(),
            Double.POSITIVE_INFINITY));

    log.accept("distilling " + plan.student() + " from the teacher " + teacher.architecture());
    float[] softTrain = Distillation.softTargets(teacher, data.train(), plan.temperature());
    float[] softValidation =
        Distillation.softTargets(teacher, data.validation(), plan.temperature());
    TrainOptions distill = options.withDistillation(plan.alpha(), plan.temperature());
    TrainResult student =
        trainer.train(
            Weights.initial(plan.student(), options.seed() + 1),
            data.train(),
            data.validation(),
            softTrain,
            softValidation,
            null,
            distill);
    EdgeModel studentModel = edge(student.weights(), data, naming, "student-fp32", false);
    Evaluator.Measurement s = evaluator.onTensorFlow(studentModel, data.rawTest());
    variants.add(
        variant(
            "student-fp32",
            Variant.SAVEDMODEL,
            studentModel,
            savedModel(studentModel),
            s,
            student.weights(),
            quality,
            t.metric(),
            plan.tolerance()));

    EdgeModel int8 = edge(student.weights(), data, naming, "student-int8", true);
    Evaluator.Measurement q = evaluator.onEdge(int8, data.rawTest());
    variants.add(
        variant(
            "student-int8",
            Variant.EDGE,
            int8,
            EdgeModelWriter.toBytes(int8),
            q,
            student.weights(),
            quality,
            t.metric(),
            plan.tolerance()));

    log.accept(
        "pruning the student to " + Math.round(plan.sparsity() * 100) + "% sparsity, fine-tuning");
    List<float[]> masks = Pruning.masks(student.weights(), plan.sparsity());
    TrainResult pruned =
        trainer.train(
            Pruning.apply(student.weights(), masks),
            data.train(),
            data.validation(),
            softTrain,
            softValidation,
            masks,
            distill.withEpochs(plan.fineTuneEpochs()));
    EdgeModel prunedInt8 = edge(pruned.weights(), data, naming, "student-pruned-int8", true);
    Evaluator.Measurement p = evaluator.onEdge(prunedInt8, data.rawTest());
    variants.add(
        variant(
            "student-pruned-int8",
            Variant.EDGE,
            prunedInt8,
            EdgeModelWriter.toBytes(prunedInt8),
            p,
            pruned.weights(),
            quality,
            t.metric(),
            plan.tolerance()));
    return new Optimized(variants, student.samplesPerSecond());
  }

  /**
   * The edge model description of {@code w}; a forecaster's carries its calibration, fitted on the
   * raw validation part with its own weights (after quantization when {@code int8}).
   */
  private static EdgeModel edge(Weights w, Data data, Naming naming, String variant, boolean int8) {
    java.util.TreeMap<String, String> meta = new java.util.TreeMap<>(naming.metadata());
    meta.put("variant", variant);
    meta.put("registry.model", naming.model());
    meta.put("registry.version", naming.version());
    EdgeModel m =
        w.toEdgeModel(naming.model(), naming.version(), data.input(), data.output(), meta);
    if (int8) {
      m = m.quantized();
    }
    if (w.architecture().task() == dev.tandem.trainer.model.Task.FORECAST) {
      m = ForecastCalibration.fit(m, data.rawValidation()).into(m);
    }
    return m;
  }

  private static Variant variant(
      String name,
      String format,
      EdgeModel model,
      byte[] artifact,
      Evaluator.Measurement m,
      Weights weights,
      Quality quality,
      double teacherMetric,
      double tolerance) {
    double loss = quality.loss(teacherMetric, m.metric());
    long nonZero = weights.parameterCount() - Math.round(weights.sparsity() * kernelCount(weights));
    VariantReport report =
        new VariantReport(
            name,
            format,
            artifact.length,
            gzipped(artifact),
            weights.parameterCount(),
            nonZero,
            quality.metricName(),
            m.metric(),
            loss,
            m.latencyMicros(),
            format.equals(Variant.SAVEDMODEL) ? "tensorflow" : "edge-java",
            loss <= tolerance);
    return new Variant(name, model, artifact, report);
  }

  private static long kernelCount(Weights w) {
    long n = 0;
    for (var l : w.layers()) {
      n += l.kernel().length;
    }
    return n;
  }

  static byte[] savedModel(EdgeModel model) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("tandem-savedmodel");
      Path target = dir.resolve("model");
      try (InferenceGraph graph = new InferenceGraph(model)) {
        graph.exportSavedModel(target);
      }
      return SavedModels.zip(target);
    } catch (IOException e) {
      throw new TrainerException(TrainerError.EXPORT_FAILED, "no temporary directory: " + e, e);
    } finally {
      deleteTree(dir);
    }
  }

  private static long gzipped(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.size();
  }

  static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A leftover temporary directory is not worth failing a job for.
    }
  }
}
