package dev.tandem.sandbox.bench.registry;

import java.util.Arrays;

/** Latencies of one endpoint in microseconds, recorded by one thread; merged at the end. */
final class Latencies {
  private long[] micros = new long[4096];
  private int count;
  private long errors;

  void record(long nanos) {
    if (count == micros.length) {
      micros = Arrays.copyOf(micros, count * 2);
    }
    micros[count++] = nanos / 1000;
  }

  void error() {
    errors++;
  }

  void addAll(Latencies other) {
    for (int i = 0; i < other.count; i++) {
      if (count == micros.length) {
        micros = Arrays.copyOf(micros, count * 2);
      }
      micros[count++] = other.micros[i];
    }
    errors += other.errors;
  }

  int count() {
    return count;
  }

  long errors() {
    return errors;
  }

  /** The {@code p}-th percentile (0-100) in milliseconds, nearest rank; 0 without samples. */
  double percentileMillis(double p) {
    if (count == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(micros, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * count);
    return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1000.0;
  }
}
