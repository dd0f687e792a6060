package dev.tandem.edge.detect.stat;

/**
 * The minimum and maximum of roughly the last {@code readings} readings, kept as {@link #BLOCKS}
 * block extremes plus the block being filled: O(BLOCKS) per query, O(1) per reading, no allocation.
 */
final class RangeTracker {
  static final int BLOCKS = 32;

  private final int blockSize;
  private final double[] blockMin = new double[BLOCKS];
  private final double[] blockMax = new double[BLOCKS];
  private int completed;
  private int next;
  private int filling;
  private double fillingMin;
  private double fillingMax;

  RangeTracker(int readings) {
    this.blockSize = Math.max(1, (readings + BLOCKS - 1) / BLOCKS);
  }

  /**
   * Whether {@code value} lies further than {@code tolerance} times the range outside it. False
   * while the range is empty or a single point (then nothing is known about spread).
   */
  boolean isOutside(double value, double tolerance) {
    if (completed == 0 && filling == 0) {
      return false;
    }
    double min = min();
    double max = max();
    double margin = (max - min) * tolerance;
    return max > min && (value > max + margin || value < min - margin);
  }

  /** Maximum minus minimum; 0 while empty. */
  double spread() {
    return completed == 0 && filling == 0 ? 0 : max() - min();
  }

  private double min() {
    double min = filling > 0 ? fillingMin : Double.POSITIVE_INFINITY;
    for (int b = 0; b < completed; b++) {
      min = Math.min(min, blockMin[b]);
    }
    return min;
  }

  private double max() {
    double max = filling > 0 ? fillingMax : Double.NEGATIVE_INFINITY;
    for (int b = 0; b < completed; b++) {
      max = Math.max(max, blockMax[b]);
    }
    return max;
  }

  void add(double value) {
    if (filling == 0) {
      fillingMin = value;
      fillingMax = value;
    } else {
      fillingMin = Math.min(fillingMin, value);
      fillingMax = Math.max(fillingMax, value);
    }
    if (++filling == blockSize) {
      blockMin[next] = fillingMin;
      blockMax[next] = fillingMax;
      next = (next + 1) % BLOCKS;
      completed = Math.min(completed + 1, BLOCKS);
      filling = 0;
    }
  }

  void clear() {
    completed = 0;
    next = 0;
    filling = 0;
  }
}
