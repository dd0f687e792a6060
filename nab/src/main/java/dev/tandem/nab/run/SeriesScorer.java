package dev.tandem.nab.run;

import dev.tandem.nab.corpus.Series;

/**
 * Scores one whole series, row by row, strictly causally: the score of row {@code t} depends on
 * rows {@code 0 .. t} only. A fresh detector fed one row at a time is one; the loop, which also
 * retrains models on the rows received so far, is another.
 */
@FunctionalInterface
public interface SeriesScorer {
  /** The anomaly score of each row of {@code series}, in [0, 1], in order. */
  double[] scores(Series series);
}
