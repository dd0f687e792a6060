package dev.tandem.edge.detect.stat;

/** The mean absolute change between consecutive readings over the last {@code readings} changes. */
final class Volatility {
  private final double[] changes;
  private int next;
  private int size;
  private double sum;

  Volatility(int readings) {
    this.changes = new double[readings];
  }

  /** Adds one absolute change and returns the mean over the window. */
  double add(double absoluteChange) {
    if (size == changes.length) {
      sum -= changes[next];
    } else {
      size++;
    }
    changes[next] = absoluteChange;
    sum += absoluteChange;
    next = (next + 1) % changes.length;
    if (next == 0) {
      // Once per lap, re-add exactly so that rounding never accumulates.
      sum = 0;
      for (int i = 0; i < size; i++) {
        sum += changes[i];
      }
    }
    return Math.max(0, sum / size);
  }

  boolean isFull() {
    return size == changes.length;
  }

  void clear() {
    next = 0;
    size = 0;
    sum = 0;
  }
}
