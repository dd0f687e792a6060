package dev.tandem.edge.rolling;

import java.util.Arrays;

/**
 * The last {@code capacity} values in arrival order and in sorted order, for exact rolling
 * quantiles. Adding a value costs O(capacity) (two binary searches and two array shifts) and
 * allocates nothing; both arrays are allocated once. Filters (median, Hampel) and the statistical
 * detector share it.
 */
public final class SortedWindow {
  private final double[] arrival;
  private final double[] sorted;
  private int size;
  private int oldest;

  public SortedWindow(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("window capacity must be at least 1, got " + capacity);
    }
    this.arrival = new double[capacity];
    this.sorted = new double[capacity];
  }

  /** Adds a value (finite), evicting the oldest when full. */
  public void add(double value) {
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

  public int size() {
    return size;
  }

  public boolean isFull() {
    return size == arrival.length;
  }

  /**
   * The {@code q}-quantile (0..1) by linear interpolation between order statistics; needs size > 0.
   */
  public double quantile(double q) {
    double position = q * (size - 1);
    int below = (int) position;
    int above = Math.min(below + 1, size - 1);
    double fraction = position - below;
    return sorted[below] + fraction * (sorted[above] - sorted[below]);
  }

  /** The {@code rank}-th smallest value (0-based). */
  public double at(int rank) {
    return sorted[rank];
  }

  public double min() {
    return sorted[0];
  }

  public double max() {
    return sorted[size - 1];
  }

  /** How many values are strictly greater than {@code value}. */
  public int countAbove(double value) {
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

  /** The median; needs size > 0. */
  public double median() {
    return quantile(0.5);
  }

  /**
   * The median absolute deviation from {@code center}, using {@code scratch} (length at least the
   * capacity) so nothing is allocated; needs size > 0.
   */
  public double medianAbsoluteDeviation(double center, double[] scratch) {
    for (int i = 0; i < size; i++) {
      scratch[i] = Math.abs(sorted[i] - center);
    }
    // Small windows: insertion sort beats anything cleverer and allocates nothing.
    for (int i = 1; i < size; i++) {
      double v = scratch[i];
      int j = i - 1;
      while (j >= 0 && scratch[j] > v) {
        scratch[j + 1] = scratch[j];
        j--;
      }
      scratch[j + 1] = v;
    }
    int mid = size >>> 1;
    return (size & 1) == 1 ? scratch[mid] : 0.5 * (scratch[mid - 1] + scratch[mid]);
  }

  public void clear() {
    size = 0;
    oldest = 0;
  }
}
