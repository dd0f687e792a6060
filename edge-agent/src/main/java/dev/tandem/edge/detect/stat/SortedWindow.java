package dev.tandem.edge.detect.stat;

import java.util.Arrays;

/**
 * The last {@code capacity} values in arrival order and in sorted order, for exact rolling
 * quantiles. Adding a value costs O(capacity) (two binary searches and two array shifts) and
 * allocates nothing; both arrays are allocated once.
 */
final class SortedWindow {
  private final double[] arrival;
  private final double[] sorted;
  private int size;
  private int oldest;

  SortedWindow(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("window capacity must be at least 1, got " + capacity);
    }
    this.arrival = new double[capacity];
    this.sorted = new double[capacity];
  }

  /** Adds a value (finite), evicting the oldest when full. */
  void add(double value) {
    if (size == arrival.length) {
      double evicted = arrival[oldest];
      int at = Arrays.binarySearch(sorted, 0, size, evicted);
      System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
      size--;
      arrival[oldest] = value;
      oldest = (oldest + 1) % arrival.length;
    } else {
      arrival[(oldest + size) % arrival.length] = value;
    }
    int at = Arrays.binarySearch(sorted, 0, size, value);
    if (at < 0) {
      at = -at - 1;
    }
    System.arraycopy(sorted, at, sorted, at + 1, size - at);
    sorted[at] = value;
    size++;
  }

  int size() {
    return size;
  }

  boolean isFull() {
    return size == arrival.length;
  }

  /**
   * The {@code q}-quantile (0..1) by linear interpolation between order statistics; needs size > 0.
   */
  double quantile(double q) {
    double position = q * (size - 1);
    int below = (int) position;
    int above = Math.min(below + 1, size - 1);
    double fraction = position - below;
    return sorted[below] + fraction * (sorted[above] - sorted[below]);
  }

  /** The {@code rank}-th smallest value (0-based). */
  double at(int rank) {
    return sorted[rank];
  }

  double min() {
    return sorted[0];
  }

  double max() {
    return sorted[size - 1];
  }

  /** How many values are strictly greater than {@code value}. */
  int countAbove(double value) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return size - lo;
  }

  void clear() {
    size = 0;
    oldest = 0;
  }
}
