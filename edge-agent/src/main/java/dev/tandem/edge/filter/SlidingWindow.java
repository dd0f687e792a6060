package dev.tandem.edge.filter;

import java.util.Arrays;

/**
 * The last {@code capacity} values in arrival order and the same values kept sorted, so the median
 * costs O(1) and each new value O(capacity), with no allocation after construction.
 */
final class SlidingWindow {
  private final double[] ring;
  private final double[] sorted;
  private int size;
  private int next;

  SlidingWindow(int capacity) {
    ring = new double[capacity];
    sorted = new double[capacity];
  }

  void add(double value) {
    if (size == ring.length) {
      removeSorted(ring[next]);
    }
    ring[next] = value;
    next = (next + 1) % ring.length;
    insertSorted(value);
  }

  int size() {
    return size;
  }

  double median() {
    int mid = size >>> 1;
    return (size & 1) == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
  }

  /** Median absolute deviation from {@code center}, using {@code scratch} (length >= size). */
  double medianAbsoluteDeviation(double center, double[] scratch) {
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

  void clear() {
    size = 0;
    next = 0;
    Arrays.fill(ring, 0);
  }

  private void removeSorted(double value) {
    int i = Arrays.binarySearch(sorted, 0, size, value);
    System.arraycopy(sorted, i + 1, sorted, i, size - i - 1);
    size--;
  }

  private void insertSorted(double value) {
    int i = Arrays.binarySearch(sorted, 0, size, value);
    if (i < 0) {
      i = -i - 1;
    }
    System.arraycopy(sorted, i, sorted, i + 1, size - i);
    sorted[i] = value;
    size++;
  }
}
