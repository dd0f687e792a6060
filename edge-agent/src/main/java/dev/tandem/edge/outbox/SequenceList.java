package dev.tandem.edge.outbox;

import java.util.Arrays;
import java.util.function.LongPredicate;

/** A growable list of sequence numbers without boxing; sorted on demand. Not thread-safe. */
final class SequenceList {
  private long[] values = new long[16];
  private int size;

  void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  int size() {
    return size;
  }

  /** Sorts, removes duplicates and keeps only values matching {@code keep}. */
  void retainSorted(LongPredicate keep) {
    Arrays.sort(values, 0, size);
    int out = 0;
    for (int i = 0; i < size; i++) {
      long v = values[i];
      if (keep.test(v) && (out == 0 || values[out - 1] != v)) {
        values[out++] = v;
      }
    }
    size = out;
  }

  /** Whether {@code value} is present; only after {@link #retainSorted}. */
  boolean containsSorted(long value) {
    return Arrays.binarySearch(values, 0, size, value) >= 0;
  }

  long[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
