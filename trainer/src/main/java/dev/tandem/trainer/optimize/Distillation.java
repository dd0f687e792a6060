package dev.tandem.trainer.optimize;

import dev.tandem.edgemodel.EdgeModel;
import dev.tandem.edgemodel.Normalization;
import dev.tandem.edgemodel.OutputKind;
import dev.tandem.trainer.data.Examples;
import dev.tandem.trainer.model.Task;
import dev.tandem.trainer.model.Weights;
import java.util.Map;

/**
 * The teacher's soft targets for a student: for classifiers {@code softmax(logits / T)}, for
 * forecasters the teacher's forecast. Computed once with the frozen teacher, so the student's
 * training graph holds only the student's variables.
 */
public final class Distillation {
  private Distillation() {}

  /** Soft targets for each example of {@code examples} (normalised inputs), row-major. */
  public static float[] softTargets(Weights teacher, Examples examples, float temperature) {
    int in = teacher.architecture().inputs();
    int out = teacher.architecture().outputs();
    EdgeModel logits =
        teacher
            .toEdgeModel(
                "teacher", "0", Normalization.identity(in), Normalization.identity(out), Map.of())
            .toBuilder()
            .outputKind(OutputKind.RAW)
            .build();
    float[] x = new float[in];
    float[] y = new float[out];
    float[] soft = new float[examples.size() * out];
    boolean classify = teacher.architecture().task() == Task.CLASSIFY;
    for (int n = 0; n < examples.size(); n++) {
      examples.input(n, x);
      logits.forward(x, y);
      if (classify) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : y) {
          max = Math.max(max, v / temperature);
        }
        double sum = 0;
        for (int o = 0; o < out; o++) {
          sum += Math.exp(y[o] / temperature - max);
        }
        for (int o = 0; o < out; o++) {
          soft[n * out + o] = (float) (Math.exp(y[o] / temperature - max) / sum);
        }
      } else {
        System.arraycopy(y, 0, soft, n * out, out);
      }
    }
    return soft;
  }
}
