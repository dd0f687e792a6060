package dev.tandem.nab.loop;

import java.util.Arrays;

/**
 * The rows of one stream received so far, in arrival order: what the cloud holds about a stream
 * when it trains. Grows as rows arrive; rows are never changed or removed.
 */
public final class History {
  private long[] timestamps = new long[1024];
  private double[] values = new double[1024];
  private int size;

  /** Appends a row. */
  public void add(long timestampMillis, double value) {
    if (size == values.length) {
      timestamps = Arrays.copyOf(timestamps, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    timestamps[size] = timestampMillis;
    values[size] = value;
    size++;
  }

  public int size() {
    return size;
  }

  public long timestamp(int row) {
    return timestamps[row];
  }

  public double value(int row) {
    return values[row];
  }

  /**
   * The last row before {@code row} whose timestamp is at or before {@code timestampMillis}, or -1
   * if there is none. Timestamps are taken as non-decreasing (NAB files are in time order; a
   * repeated hour at a clock change only makes the answer a row off).
   */
  public int lastAtOrBefore(long timestampMillis, int row) {
    int lo = 0;
    int hi = Math.min(row, size) - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (timestamps[mid] <= timestampMillis) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /** Forgets every row. */
  public void clear() {
    size = 0;
  }
}
