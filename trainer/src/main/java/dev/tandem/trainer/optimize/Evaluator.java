package dev.tandem.trainer.optimize;

import dev.tandem.edgemodel.EdgeModel;
import dev.tandem.trainer.data.Examples;
import dev.tandem.trainer.export.InferenceGraph;
import java.util.Arrays;

/**
 * Measures a model on raw (not normalised) test examples in the runtime it will run in: TensorFlow
 * for SavedModel variants, the edge model's Java forward pass for edge variants.
 */
public final class Evaluator {
  private static final int LATENCY_ROUNDS = 21;
  private static final int CALLS_PER_ROUND = 20;

  private final Quality quality;

  public Evaluator(Quality quality) {
    this.quality = quality;
  }

  /** The metric and median single-sample latency. */
  public record Measurement(double metric, double latencyMicros) {}

  public Measurement onTensorFlow(EdgeModel model, Examples test) {
    try (InferenceGraph graph = new InferenceGraph(model)) {
      float[] out = graph.predict(test.x(), test.size());
      float[] one = Arrays.copyOf(test.x(), model.inputSize());
      double latency = medianMicros(() -> graph.predict(one, 1));
      return new Measurement(metric(out, test, model.outputSize()), latency);
    }
  }

  public Measurement onEdge(EdgeModel model, Examples test) {
    int outputs = model.outputSize();
    float[] x = new float[model.inputSize()];
    float[] y = new float[outputs];
    float[] out = new float[test.size() * outputs];
    for (int n = 0; n < test.size(); n++) {
      test.input(n, x);
      model.forward(x, y);
      System.arraycopy(y, 0, out, n * outputs, outputs);
    }
    test.input(0, x);
    double latency = medianMicros(() -> model.forward(x, y));
    return new Measurement(metric(out, test, outputs), latency);
  }

  private double metric(float[] out, Examples test, int outputs) {
    double sum = 0;
    for (int n = 0; n < test.size(); n++) {
      if (quality == Quality.ACCURACY_PERCENT) {
        int best = 0;
        for (int o = 1; o < outputs; o++) {
          if (out[n * outputs + o] > out[n * outputs + best]) {
            best = o;
          }
        }
        sum += best == test.label(n) ? 100 : 0;
      } else {
        for (int o = 0; o < outputs; o++) {
          double d = out[n * outputs + o] - test.y()[n * outputs + o];
          sum += d * d / outputs;
        }
      }
    }
    double mean = sum / Math.max(1, test.size());
    return quality == Quality.ACCURACY_PERCENT ? mean : Math.sqrt(mean);
  }

  private static double medianMicros(Runnable call) {
    for (int i = 0; i < 500; i++) {
      call.run(); // warm up: let the JIT compile the Java forward pass
    }
    double[] rounds = new double[LATENCY_ROUNDS];
    for (int r = 0; r < LATENCY_ROUNDS; r++) {
      long start = System.nanoTime();
      for (int i = 0; i < CALLS_PER_ROUND; i++) {
        call.run();
      }
      rounds[r] = (System.nanoTime() - start) / 1e3 / CALLS_PER_ROUND;
    }
    Arrays.sort(rounds);
    return rounds[LATENCY_ROUNDS / 2];
  }
}
