package dev.tandem.edge.stream;

/** The last readings of a stream, in a fixed ring, so events can carry what led up to them. */
public final class ReadingHistory {
  private final long[] times;
  private final double[] values;
  private int size;
  private int next;

  public ReadingHistory(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("history capacity must be at least 1, got " + capacity);
    }
    times = new long[capacity];
    values = new double[capacity];
  }

  void add(long time, double value) {
    times[next] = time;
    values[next] = value;
    next = (next + 1) % times.length;
    size = Math.min(size + 1, times.length);
  }

  public int size() {
    return size;
  }

  public int capacity() {
    return times.length;
  }

  /** The {@code i}-th oldest reading's time, {@code 0 <= i < size()}. */
  public long time(int i) {
    return times[index(i)];
  }

  /** The {@code i}-th oldest reading's value, {@code 0 <= i < size()}. */
  public double value(int i) {
    return values[index(i)];
  }

  private int index(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    return Math.floorMod(next - size + i, times.length);
  }

  void clear() {
    size = 0;
    next = 0;
  }
}
