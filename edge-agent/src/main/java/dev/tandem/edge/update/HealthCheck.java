package dev.tandem.edge.update;

import dev.tandem.edge.model.InputHistory;
import dev.tandem.edge.model.LoadedModel;
import dev.tandem.protocol.update.UpdateFailureReason;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a staged model on the inputs the agent saw most recently (zeros if it saw none) before it is
 * switched in: every output must have the declared size, be finite, and come within the latency
 * budget. The first call is a warm-up whose latency is not judged.
 */
final class HealthCheck {
  private final InputHistory history;
  private final Duration latencyBudget;

  HealthCheck(InputHistory history, Duration latencyBudget) {
    this.history = history;
    this.latencyBudget = latencyBudget;
  }

  /**
   * @throws UpdateException with health_check_failed naming the first problem
   */
  void check(String what, LoadedModel model) {
    int inputSize = model.inputSize();
    int outputSize = model.outputSize();
    if (inputSize < 1 || outputSize < 1) {
      throw failed(what, "declares input size " + inputSize + " and output size " + outputSize);
    }
    List<float[]> inputs = history.recent(inputSize);
    if (inputs.isEmpty()) {
      inputs = List.of(new float[inputSize]);
    }
    long budget = latencyBudget.toNanos();
    for (int i = -1; i < inputs.size(); i++) {
      float[] input = inputs.get(Math.max(i, 0));
      long start = System.nanoTime();
      float[] output;
      try {
        output = model.infer(input);
      } catch (RuntimeException e) {
        throw failed(what, "threw " + e + " on recent input " + Math.max(i, 0));
      }
      long nanos = System.nanoTime() - start;
      if (output == null || output.length != outputSize) {
        throw failed(
            what,
            "answered "
                + (output == null ? "null" : output.length + " values")
                + " instead of "
                + outputSize);
      }
      for (float v : output) {
        if (!Float.isFinite(v)) {
          throw failed(what, "answered a non-finite output " + Arrays.toString(output));
        }
      }
      if (i >= 0 && nanos > budget) {
        throw failed(
            what,
            "took "
                + nanos / 1_000
                + " us for one inference; the budget is "
                + latencyBudget.toNanos() / 1_000
                + " us");
      }
    }
  }

  private static UpdateException failed(String what, String problem) {
    return new UpdateException(UpdateFailureReason.HEALTH_CHECK_FAILED, what + " " + problem);
  }
}
