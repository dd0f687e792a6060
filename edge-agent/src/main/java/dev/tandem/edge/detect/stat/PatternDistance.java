package dev.tandem.edge.detect.stat;

/**
 * How unlike anything recent the latest shape is: the root-mean-square distance between the last
 * {@code length} readings and their nearest neighbour among the shapes ending {@code length} to
 * {@code history} readings earlier (a left matrix profile, unnormalized). One running sum of
 * squared differences per lag makes each reading cost O(history); the sums are recomputed exactly
 * now and then so that rounding never accumulates. Nothing is allocated after construction.
 */
final class PatternDistance {
  private static final int RECOMPUTE_EVERY = 4096;

  private final int length;
  private final int history;
  private final double[] values;
  private final double[] sums;
  private long count;

  PatternDistance(int length, int history) {
    this.length = length;
    this.history = history;
    this.values = new double[history + length + 1];
    this.sums = new double[history + 1];
  }

  /**
   * Adds a reading and returns the nearest-neighbour distance of the shape it completes, or NaN
   * while no earlier non-overlapping shape exists.
   */
  double add(double value) {
    long t = count++;
    values[slot(t)] = value;
    if (t > 0 && t % RECOMPUTE_EVERY == 0) {
      recompute(t);
    } else {
      slide(t, value);
    }
    long newestLag = Math.min(history, t - length + 1);
    if (newestLag < length) {
      return Double.NaN;
    }
    double best = Double.POSITIVE_INFINITY;
    for (int lag = length; lag <= newestLag; lag++) {
      best = Math.min(best, sums[lag]);
    }
    return Math.sqrt(Math.max(0, best) / length);
  }

  /** Adds the newest squared difference to every lag's sum and drops the one leaving the shape. */
  private void slide(long t, double value) {
    int capacity = values.length;
    int maxLag = (int) Math.min(history, t);
    if (maxLag < length) {
      return;
    }
    // Lags whose compared shape is complete (lag <= t - length) also lose their oldest term.
    int fullLags = (int) Math.min(maxLag, t - length);
    int j = slot(t - length); // the reading compared with the newest at lag = length
    double leaving = values[j]; // which is also the one leaving the newest shape
    int k = j - length; // the reading leaving the compared shape
    if (k < 0) {
      k += capacity;
    }
    int lag = length;
    // Walk j and k back through the ring in runs that need no wrap test.
    while (lag <= fullLags) {
      int run = Math.min(fullLags - lag + 1, Math.min(j, k) + 1);
      for (int end = lag + run; lag < end; lag++, j--, k--) {
        double d = value - values[j];
        double o = leaving - values[k];
        sums[lag] += d * d - o * o;
      }
      if (j < 0) {
        j += capacity;
      }
      if (k < 0) {
        k += capacity;
      }
    }
    while (lag <= maxLag) {
      int run = Math.min(maxLag - lag + 1, j + 1);
      for (int end = lag + run; lag < end; lag++, j--) {
        double d = value - values[j];
        sums[lag] += d * d;
      }
      if (j < 0) {
        j += capacity;
      }
    }
  }

  private void recompute(long t) {
    for (int lag = length; lag <= history && lag <= t; lag++) {
      double sum = 0;
      for (int k = 0; k < length && t - lag - k >= 0; k++) {
        double d = values[slot(t - k)] - values[slot(t - lag - k)];
        sum += d * d;
      }
      sums[lag] = sum;
    }
  }

  private int slot(long index) {
    return (int) (index % values.length);
  }

  void clear() {
    count = 0;
    java.util.Arrays.fill(sums, 0);
  }
}
