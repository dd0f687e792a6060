package dev.tandem.nab.score;

import dev.tandem.nab.corpus.Window;
import java.util.List;

/**
 * One series laid against its windows, by NAB's rules: which rows are probationary, which window
 * each scored row lies in, and the unweighted value of a detection at each row.
 */
final class LabeledSeries {
  /** Marks a row outside every window. */
  static final int OUTSIDE = -1;

  final ScoredSeries series;

  /** Rows {@code 0 .. probation-1} are never scored. */
  final int probation;

  /** Windows with at least one row after the probationary period: the ones that count. */
  final int windows;

  /** Per row: the index of its counted window, or {@link #OUTSIDE}. */
  final int[] window;

  /**
   * Per row: inside a window {@code sigma(y) / sigma(-1)} (times tpWeight gives the reward),
   * outside {@code sigma(distance past the previous window)} or -1 before the first (times fpWeight
   * gives the cost).
   */
  final double[] unweighted;

  /**
   * @param labels the series' windows, sorted by start, not overlapping
   */
  LabeledSeries(ScoredSeries series, List<Window> labels) {
    this.series = series;
    int n = series.size();
    this.probation = probationaryRows(n);
    this.window = new int[n];
    this.unweighted = new double[n];
    // A row lies in a window when its timestamp does; width and right edge are counted in rows.
    int[] member = new int[n];
    int[] width = new int[labels.size()];
    int[] right = new int[labels.size()];
    for (int i = 0; i < n; i++) {
      member[i] = find(labels, series.timestamp(i));
      if (member[i] >= 0) {
        width[member[i]]++;
        right[member[i]] = i;
      }
    }
    int[] id = new int[labels.size()];
    int counted = 0;
    for (int w = 0; w < id.length; w++) {
      id[w] = width[w] > 0 && right[w] >= probation ? counted++ : OUTSIDE;
    }
    this.windows = counted;
    int previous = -1; // the window whose right edge was passed last
    for (int i = 0; i < n; i++) {
      int w = member[i];
      if (w >= 0) {
        window[i] = id[w];
        double y = -(double) (right[w] - i + 1) / width[w];
        unweighted[i] = ScaledSigmoid.of(y) / ScaledSigmoid.AT_WINDOW_START;
        if (i == right[w]) {
          previous = w;
        }
      } else {
        window[i] = OUTSIDE;
        unweighted[i] =
            previous < 0
                ? -1.0
                : ScaledSigmoid.of(Math.abs(right[previous] - i) / (double) (width[previous] - 1));
      }
    }
  }

  private static int find(List<Window> labels, long timestamp) {
    int lo = 0;
    int hi = labels.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Window w = labels.get(mid);
      if (timestamp < w.startMillis()) {
        hi = mid - 1;
      } else if (timestamp > w.endMillis()) {
        lo = mid + 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** NAB's probationary period: {@code min(floor(0.15 * n), 0.15 * 5000)} rows. */
  static int probationaryRows(int rows) {
    return (int) Math.min(Math.floor(0.15 * rows), 0.15 * 5000);
  }

  /** What a detection at {@code row} is worth under {@code profile}, ignoring earlier ones. */
  double weight(int row, CostProfile profile) {
    return window[row] == OUTSIDE
        ? unweighted[row] * profile.fpWeight()
        : unweighted[row] * profile.tpWeight();
  }
}
