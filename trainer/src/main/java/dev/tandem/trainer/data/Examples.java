package dev.tandem.trainer.data;

import dev.tandem.trainer.TrainerError;
import dev.tandem.trainer.TrainerException;
import java.util.Arrays;

/**
 * Examples in row-major arrays: example {@code n} is {@code x[n * inputs ..]}, {@code y[n * outputs
 * ..]}, observed at {@code timeMs[n]} (the time of its target: the last thing it saw). Held in time
 * order.
 */
public record Examples(int inputs, int outputs, float[] x, float[] y, long[] timeMs) {
  public Examples {
    int n = timeMs.length;
    if (x.length != n * inputs || y.length != n * outputs) {
      throw new IllegalArgumentException("examples: arrays disagree with " + n + " examples");
    }
    for (int i = 1; i < n; i++) {
      if (timeMs[i] < timeMs[i - 1]) {
        throw new IllegalArgumentException("examples are not in time order at " + i);
      }
    }
    for (int i = 0; i < x.length; i++) {
      if (!Float.isFinite(x[i])) {
        throw new TrainerException(
            TrainerError.BAD_DATA, "input value " + x[i] + " in example " + i / inputs);
      }
    }
    for (int i = 0; i < y.length; i++) {
      if (!Float.isFinite(y[i])) {
        throw new TrainerException(
            TrainerError.BAD_DATA, "target value " + y[i] + " in example " + i / outputs);
      }
    }
  }

  public int size() {
    return timeMs.length;
  }

  /** Examples {@code [from, to)}. */
  public Examples slice(int from, int to) {
    return new Examples(
        inputs,
        outputs,
        Arrays.copyOfRange(x, from * inputs, to * inputs),
        Arrays.copyOfRange(y, from * outputs, to * outputs),
        Arrays.copyOfRange(timeMs, from, to));
  }

  /** Example {@code n}'s inputs, copied into {@code into}. */
  public void input(int n, float[] into) {
    System.arraycopy(x, n * inputs, into, 0, inputs);
  }

  /** The index of the largest target of example {@code n} (its class, for one-hot targets). */
  public int label(int n) {
    int best = 0;
    for (int o = 1; o < outputs; o++) {
      if (y[n * outputs + o] > y[n * outputs + best]) {
        best = o;
      }
    }
    return best;
  }
}
