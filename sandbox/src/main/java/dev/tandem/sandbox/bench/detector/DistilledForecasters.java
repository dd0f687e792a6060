package dev.tandem.sandbox.bench.detector;

import dev.tandem.edgemodel.Activation;
import dev.tandem.edgemodel.Normalization;
import dev.tandem.nab.loop.ForecasterTrainer;
import dev.tandem.nab.loop.TrainingSet;
import dev.tandem.nab.loop.artifact.EdgeForecaster;
import dev.tandem.trainer.data.Examples;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The trainer's pipeline as the loop's trainer: for each training set the loop hands over, a
 * TensorFlow teacher (graph mode, seeded, early stopping on the newest 15% of the examples) and the
 * edge optimizer's variants of it (distilled student, int8 per channel, pruned int8). Each training
 * set is trained once and remembered, so that every variant's loop sees the models of the same
 * trainings: {@link #variant} is the loop's {@link ForecasterTrainer} for one of them.
 */
public final class DistilledForecasters {
  /** The teacher's full-precision variant (a SavedModel for x86 targets). */
  public static final String TEACHER = "teacher-fp32";

  private static final double HOLD_BACK = 0.15;

  private final List<Integer> teacherHidden;
  private final List<Integer> studentHidden;
  private final TrainOptions options;
  private final Map<Key, List<Variant>> trained = new ConcurrentHashMap<>();
  private final List<List<Variant>> inOrder = new ArrayList<>();

  /**
   * @param teacherHidden the teacher MLP's hidden layer widths
   * @param studentHidden the student's
   * @param options seed, epochs, batch size, learning rate and patience of every training
   */
  public DistilledForecasters(
      List<Integer> teacherHidden, List<Integer> studentHidden, TrainOptions options) {
    this.teacherHidden = List.copyOf(teacherHidden);
    this.studentHidden = List.copyOf(studentHidden);
    this.options = options;
  }

  /** The loop's trainer for variant {@code name} ({@link #TEACHER} or a student variant). */
  public ForecasterTrainer variant(String name) {
    return set -> new EdgeForecaster(pick(variants(set), name).model());
  }

  /** Every training's variants, in the order they were first trained. */
  public synchronized List<List<Variant>> trainings() {
    return List.copyOf(inOrder);
  }

  /** The teacher's and the students' architectures, for {@code inputs} inputs. */
  public Architecture teacher(int inputs) {
    return new Architecture(inputs, teacherHidden, 1, Activation.RELU, Task.FORECAST);
  }

  public Architecture student(int inputs) {
    return new Architecture(inputs, studentHidden, 1, Activation.RELU, Task.FORECAST);
  }

  private List<Variant> variants(TrainingSet set) {
    Key key = Key.of(set);
    List<Variant> known = trained.get(key);
    if (known != null) {
      return known;
    }
    List<Variant> fresh = train(set);
    synchronized (this) {
      List<Variant> raced = trained.putIfAbsent(key, fresh);
      if (raced != null) {
        return raced;
      }
      inOrder.add(fresh);
    }
    return fresh;
  }

  private List<Variant> train(TrainingSet set) {
    int width = set.spec().width();
    int n = set.size();
    if (n < 2) {
      throw new IllegalArgumentException("at least 2 examples needed (one held back), got " + n);
    }
    float[] x = new float[n * width];
    float[] y = new float[n];
    long[] order = new long[n];
    for (int e = 0; e < n; e++) {
      double[] row = set.inputs()[e];
      for (int i = 0; i < width; i++) {
        x[e * width + i] = (float) row[i];
      }
      y[e] = (float) set.targets()[e];
      order[e] = e;
    }
    Examples all = new Examples(width, 1, x, y, order);
    // The newest examples are held back: early stopping and the optimizer's measurements.
    int cut = n - Math.max(1, (int) Math.round(n * HOLD_BACK));
    Examples train = all.slice(0, cut);
    Examples held = all.slice(cut, n);
    // The loop's inputs and target are normalised already (its Scale travels in the artifact).
    Normalization in = Normalization.identity(width);
    Normalization out = Normalization.identity(1);
    ModelTrainer trainer = new ModelTrainer(p -> {}, new CancellationFlag());
    TrainResult teacher =
        trainer.train(
            Weights.initial(teacher(width), options.seed()),
            train,
            held,
            null,
            null,
            null,
            options);
    return new EdgeOptimizer(trainer, line -> {})
        .optimize(
            teacher.weights(),
            new EdgeOptimizer.Data(train, held, held, held, in, out),
            new OptimizationPlan(student(width), 0.3f, 3f, 0.5, 3, Double.POSITIVE_INFINITY),
            options,
            new EdgeOptimizer.Naming("nab-detector", "1.0." + n, Map.of()))
        .variants();
  }

  static Variant pick(List<Variant> variants, String name) {
    return variants.stream()
        .filter(v -> v.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown variant '%s'; known: %s"
                        .formatted(name, variants.stream().map(Variant::name).toList())));
  }

  /** A training set by content: the loop hands each variant's run equal, not identical, sets. */
  private record Key(int size, int inputsHash, int targetsHash) {
    static Key of(TrainingSet set) {
      return new Key(set.size(), Arrays.deepHashCode(set.inputs()), Arrays.hashCode(set.targets()));
    }
  }
}
