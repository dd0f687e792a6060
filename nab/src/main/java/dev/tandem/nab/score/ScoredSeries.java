package dev.tandem.nab.score;

import dev.tandem.nab.corpus.NabCsv;
import dev.tandem.nab.corpus.ParseWarning;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** A detector's output for one series: a timestamp and an anomaly score in [0, 1] per row. */
public final class ScoredSeries {
  private final String name;
  private final long[] timestamps;
  private final double[] scores;

  /**
   * @param name the series' relative path, as the windows file names it
   * @throws IllegalArgumentException if the arrays differ in length or a score lies outside [0, 1]
   */
  public ScoredSeries(String name, long[] timestamps, double[] scores) {
    this.name = Objects.requireNonNull(name, "name");
    if (timestamps.length != scores.length) {
      throw new IllegalArgumentException(
          "%s: %d timestamps but %d scores".formatted(name, timestamps.length, scores.length));
    }
    for (int i = 0; i < scores.length; i++) {
      if (!(scores[i] >= 0 && scores[i] <= 1)) {
        throw new IllegalArgumentException(
            "%s: row %d: anomaly score %s is outside [0, 1]".formatted(name, i, scores[i]));
      }
    }
    this.timestamps = timestamps.clone();
    this.scores = scores.clone();
  }

  /**
   * Reads a NAB result file ({@code timestamp,value,anomaly_score}, extra columns ignored). Broken
   * lines, and scores outside [0, 1], are reported and skipped.
   */
  public static ScoredSeries read(Path file, String name, Consumer<ParseWarning> warnings) {
    NabCsv.Columns columns = NabCsv.read(file, name, List.of("anomaly_score"), 0, 1, warnings);
    return new ScoredSeries(name, columns.timestamps(), columns.column(0));
  }

  public String name() {
    return name;
  }

  public int size() {
    return scores.length;
  }

  public long timestamp(int row) {
    return timestamps[row];
  }

  public double score(int row) {
    return scores[row];
  }
}
