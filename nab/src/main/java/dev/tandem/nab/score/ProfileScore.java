package dev.tandem.nab.score;

import java.util.List;

/**
 * A detector's result under one cost profile.
 *
 * @param profile the profile's name, e.g. {@code standard}
 * @param score the normalized score: 0 for the null detector, 100 for the perfect one; null when
 *     the corpus has no window to normalize by
 * @param threshold the corpus-wide threshold that maximizes {@code raw} (1.1: nothing detected)
 * @param raw the corpus total at that threshold
 * @param nullScore the corpus total of a detector that never fires
 * @param perfectScore the corpus total of one that fires at each window's first row and nowhere
 *     else
 * @param tp windows detected, over the corpus
 * @param fp detections outside every window, over the corpus
 * @param fn windows missed, over the corpus
 * @param files per series, in name order
 */
public record ProfileScore(
    String profile,
    Double score,
    double threshold,
    double raw,
    double nullScore,
    double perfectScore,
    int tp,
    int fp,
    int fn,
    List<FileScore> files) {
  public ProfileScore {
    files = List.copyOf(files);
  }
}
