package dev.tandem.nab.corpus;

import java.util.Arrays;
import java.util.Objects;

/**
 * One series of a corpus, in file order: parallel arrays of timestamps (epoch milliseconds, UTC)
 * and values (never NaN or infinite). Immutable; the accessors return copies.
 */
public final class Series {
  private final String name;
  private final long[] timestamps;
  private final double[] values;

  /**
   * @param name relative path in the corpus, {@code /}-separated
   * @throws IllegalArgumentException if the arrays differ in length
   */
  public Series(String name, long[] timestamps, double[] values) {
    this.name = Objects.requireNonNull(name, "name");
    if (timestamps.length != values.length) {
      throw new IllegalArgumentException(
          "series %s: %d timestamps but %d values"
              .formatted(name, timestamps.length, values.length));
    }
    this.timestamps = timestamps.clone();
    this.values = values.clone();
  }

  /** Relative path in the corpus, e.g. {@code realKnownCause/nyc_taxi.csv}. */
  public String name() {
    return name;
  }

  public int size() {
    return timestamps.length;
  }

  public long timestamp(int row) {
    return timestamps[row];
  }

  public double value(int row) {
    return values[row];
  }

  /** The first {@code rows} rows, as if the file ended there. */
  public Series truncate(int rows) {
    return new Series(name, Arrays.copyOf(timestamps, rows), Arrays.copyOf(values, rows));
  }
}
