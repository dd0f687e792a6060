package dev.tandem.trainer.model;

import dev.tandem.edgemodel.EdgeModel;
import dev.tandem.edgemodel.Normalization;
import dev.tandem.trainer.TrainerError;
import dev.tandem.trainer.TrainerException;
import dev.tandem.trainer.data.Examples;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Trains one network in TensorFlow graph mode on normalised examples: seeded batch order, early
 * stopping on the validation loss (keeping the best epoch's weights), one progress line per epoch,
 * cancellation checked between batches, and a NaN loss ending the run.
 */
public final class ModelTrainer {
  private final Consumer<EpochProgress> progress;
  private final CancellationFlag cancellation;

  public ModelTrainer(Consumer<EpochProgress> progress, CancellationFlag cancellation) {
    this.progress = progress;
    this.cancellation = cancellation;
  }

  /**
   * Trains from {@code initial}.
   *
   * @param softTrain, softValidation teacher targets per example (same shape as {@code y}), or null
   *     without a teacher
   * @param masks per layer, 1 keeps a kernel weight and 0 holds it at zero; null for none
   * @throws TrainerException {@link TrainerError#NAN_LOSS}, {@link TrainerError#CANCELLED}, {@link
   *     TrainerError#BAD_DATA} (no training examples)
   */
  public TrainResult train(
      Weights initial,
      Examples train,
      Examples validation,
      float[] softTrain,
      float[] softValidation,
      List<float[]> masks,
      TrainOptions options) {
    if (train.size() == 0 || validation.size() == 0) {
      throw new TrainerException(TrainerError.BAD_DATA, "no training or validation examples");
    }
    Architecture arch = initial.architecture();
    int in = arch.inputs();
    int out = arch.outputs();
    float[] softT = softTrain == null ? train.y() : softTrain;
    float[] softV = softValidation == null ? validation.y() : softValidation;
    int batch = Math.min(options.batchSize(), train.size());
    float[] bx = new float[batch * in];
    float[] by = new float[batch * out];
    float[] bs = new float[batch * out];
    int[] order = new int[train.size()];
    SplittableRandom random = new SplittableRandom(options.seed());
    List<EpochProgress> history = new ArrayList<>();
    double best = Double.POSITIVE_INFINITY;
    Weights bestWeights = initial;
    int bestEpoch = 0;
    int sinceBest = 0;
    long examples = 0;
    long startNanos = System.nanoTime();
    try (TrainingGraph graph =
        new TrainingGraph(
            initial, masks, options.learningRate(), options.alpha(), options.temperature())) {
      for (int epoch = 1; epoch <= options.maxEpochs(); epoch++) {
        long epochStart = System.nanoTime();
        shuffle(order, random);
        double lossSum = 0;
        int batches = 0;
        for (int from = 0; from < order.length; from += batch) {
          if (cancellation.isCancelled()) {
            throw new TrainerException(
                TrainerError.CANCELLED, "cancelled in epoch " + epoch + " at example " + from);
          }
          int n = Math.min(batch, order.length - from);
          for (int k = 0; k < n; k++) {
            int e = order[from + k];
            System.arraycopy(train.x(), e * in, bx, k * in, in);
            System.arraycopy(train.y(), e * out, by, k * out, out);
            System.arraycopy(softT, e * out, bs, k * out, out);
          }
          float loss = graph.step(bx, by, bs, n);
          if (!Float.isFinite(loss)) {
            throw new TrainerException(
                TrainerError.NAN_LOSS,
                "training loss became "
                    + loss
                    + " in epoch "
                    + epoch
                    + " batch "
                    + (batches + 1)
                    + " (learning rate "
                    + options.learningRate()
                    + "): lower it, or check the data's scale");
          }
          lossSum += loss;
          batches++;
        }
        examples += order.length;
        double seconds = (System.nanoTime() - epochStart) / 1e9;
        float validationLoss = graph.loss(validation.x(), validation.y(), softV, validation.size());
        if (!Float.isFinite(validationLoss)) {
          throw new TrainerException(
              TrainerError.NAN_LOSS, "validation loss became " + validationLoss + " in " + epoch);
        }
        Weights current = graph.weights();
        boolean improved =
            best == Double.POSITIVE_INFINITY || validationLoss < best - 1e-6 * Math.abs(best);
        if (improved) {
          best = validationLoss;
          bestWeights = current;
          bestEpoch = epoch;
          sinceBest = 0;
        } else {
          sinceBest++;
        }
        EpochProgress p =
            new EpochProgress(
                epoch,
                lossSum / batches,
                validationLoss,
                arch.task() == Task.CLASSIFY ? "accuracy" : "rmse",
                metric(current, validation),
                order.length / Math.max(seconds, 1e-9),
                improved);
        history.add(p);
        progress.accept(p);
        if (sinceBest >= options.patience()) {
          break;
        }
      }
    }
    double total = (System.nanoTime() - startNanos) / 1e9;
    return new TrainResult(bestWeights, history, bestEpoch, examples / Math.max(total, 1e-9));
  }

  /** Accuracy (classifiers) or RMSE (forecasters) on normalised examples, in plain Java. */
  public static double metric(Weights weights, Examples examples) {
    int in = weights.architecture().inputs();
    int out = weights.architecture().outputs();
    EdgeModel m =
        weights.toEdgeModel(
            "eval", "0", Normalization.identity(in), Normalization.identity(out), Map.of());
    float[] x = new float[in];
    float[] y = new float[out];
    double sum = 0;
    for (int n = 0; n < examples.size(); n++) {
      examples.input(n, x);
      m.forward(x, y);
      if (weights.architecture().task() == Task.CLASSIFY) {
        sum += argmax(y) == examples.label(n) ? 1 : 0;
      } else {
        for (int o = 0; o < out; o++) {
          double d = y[o] - examples.y()[n * out + o];
          sum += d * d / out;
        }
      }
    }
    double mean = sum / Math.max(1, examples.size());
    return weights.architecture().task() == Task.CLASSIFY ? mean : Math.sqrt(mean);
  }

  static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }

  private static void shuffle(int[] order, SplittableRandom random) {
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }
}
