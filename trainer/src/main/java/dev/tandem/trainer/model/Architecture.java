package dev.tandem.trainer.model;

import dev.tandem.edgemodel.Activation;
import java.util.List;

/**
 * A feed-forward network: {@code inputs} -> hidden layers -> {@code outputs}.
 *
 * @param hiddenActivation applied after every hidden layer; the last layer is linear (logits or the
 *     forecast)
 */
public record Architecture(
    int inputs, List<Integer> hidden, int outputs, Activation hiddenActivation, Task task) {
  public Architecture {
    hidden = List.copyOf(hidden);
    if (inputs < 1 || outputs < 1 || hidden.stream().anyMatch(h -> h < 1)) {
      throw new IllegalArgumentException("layer sizes must be positive: " + this);
    }
    if (task == Task.CLASSIFY && outputs < 2) {
      throw new IllegalArgumentException("a classifier needs at least 2 classes");
    }
  }

  /** Sizes from input to output, e.g. [32, 64, 4]. */
  public int[] sizes() {
    int[] s = new int[hidden.size() + 2];
    s[0] = inputs;
    for (int k = 0; k < hidden.size(); k++) {
      s[k + 1] = hidden.get(k);
    }
    s[s.length - 1] = outputs;
    return s;
  }

  /** Weights plus biases. */
  public long parameterCount() {
    int[] s = sizes();
    long n = 0;
    for (int k = 0; k + 1 < s.length; k++) {
      n += (long) s[k] * s[k + 1] + s[k + 1];
    }
    return n;
  }

  @Override
  public String toString() {
    return inputs + "-" + hidden + "-" + outputs + " " + hiddenActivation + " " + task;
  }
}
