package dev.tandem.nab.score;

import java.util.Arrays;
import java.util.List;

/**
 * Finds the corpus-wide threshold that maximizes the corpus total for a profile, trying every
 * distinct anomaly score (a row is a detection when its score is at or above the threshold) and
 * "nothing detected". Rows are visited once, from the highest score down, so the search costs one
 * sort.
 */
final class ThresholdSearch {
  /** The threshold that detects nothing: above every score in [0, 1]. */
  static final double NOTHING = 1.1;

  private final double[] scores;
  private final double[] unweighted;
  private final int[] windowIds;
  private final int windows;
  private final int[] order;

  ThresholdSearch(List<LabeledSeries> corpus) {
    int rows = 0;
    int totalWindows = 0;
    for (LabeledSeries s : corpus) {
      rows += s.series.size() - s.probation;
      totalWindows += s.windows;
    }
    this.windows = totalWindows;
    this.scores = new double[rows];
    this.unweighted = new double[rows];
    this.windowIds = new int[rows];
    int k = 0;
    int windowBase = 0;
    for (LabeledSeries s : corpus) {
      for (int i = s.probation; i < s.series.size(); i++) {
        scores[k] = s.series.score(i);
        unweighted[k] = s.unweighted[i];
        windowIds[k] = s.window[i] == LabeledSeries.OUTSIDE ? -1 : windowBase + s.window[i];
        k++;
      }
      windowBase += s.windows;
    }
    this.order = sortedDescending(scores);
  }

  /** The threshold with the highest corpus total under {@code profile}; ties go to the higher. */
  double best(CostProfile profile) {
    double[] best = new double[windows];
    boolean[] detected = new boolean[windows];
    double total = -profile.fnWeight() * windows;
    double bestTotal = total;
    double bestThreshold = NOTHING;
    int i = 0;
    while (i < order.length) {
      double threshold = scores[order[i]];
      for (; i < order.length && scores[order[i]] == threshold; i++) {
        int row = order[i];
        int id = windowIds[row];
        if (id < 0) {
          total += unweighted[row] * profile.fpWeight();
          continue;
        }
        double value = unweighted[row] * profile.tpWeight();
        if (!detected[id]) {
          detected[id] = true;
          best[id] = value;
          total += value + profile.fnWeight();
        } else if (value > best[id]) {
          total += value - best[id];
          best[id] = value;
        }
      }
      if (total > bestTotal) {
        bestTotal = total;
        bestThreshold = threshold;
      }
    }
    return bestThreshold;
  }

  private static int[] sortedDescending(double[] values) {
    Integer[] boxed = new Integer[values.length];
    for (int i = 0; i < boxed.length; i++) {
      boxed[i] = i;
    }
    Arrays.sort(boxed, (a, b) -> Double.compare(values[b], values[a]));
    int[] order = new int[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = boxed[i];
    }
    return order;
  }
}
