package dev.tandem.nab.run;

import dev.tandem.edge.detect.Detector;
import dev.tandem.nab.corpus.Corpus;
import dev.tandem.nab.corpus.CorpusException;
import dev.tandem.nab.corpus.NabCsv;
import dev.tandem.nab.corpus.NabTime;
import dev.tandem.nab.corpus.Series;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs a detector over a corpus: for each series a fresh detector is fed the rows strictly in
 * order, one at a time, and its score after each row is that row's {@code anomaly_score}. Nothing
 * of a later row is visible when a row is scored.
 */
public final class NabRunner {
  private final SeriesScorer scorer;
  private final RunListener listener;

  /**
   * @param detectors makes a fresh detector for each series
   * @param listener hears progress and warnings
   */
  public NabRunner(Supplier<Detector> detectors, RunListener listener) {
    this(detectorScorer(detectors), listener);
  }

  /**
   * @param scorer scores each series as a whole, strictly causally
   * @param listener hears progress and warnings
   */
  public NabRunner(SeriesScorer scorer, RunListener listener) {
    this.scorer = Objects.requireNonNull(scorer, "scorer");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  private static SeriesScorer detectorScorer(Supplier<Detector> detectors) {
    Objects.requireNonNull(detectors, "detectors");
    return series -> scores(series, detectors.get());
  }

  /**
   * Runs every CSV under {@code dataDir} and writes {@code timestamp,value,anomaly_score} files
   * under {@code outDir} with the same relative paths. A series that cannot be read is reported and
   * left out; the others go on.
   *
   * @throws CorpusException if {@code dataDir} is not a directory
   * @throws UncheckedIOException if a result cannot be written
   */
  public RunSummary run(Path dataDir, Path outDir) {
    long start = System.nanoTime();
    List<String> names = Corpus.discover(dataDir);
    int written = 0;
    int failed = 0;
    long rows = 0;
    long skipped = 0;
    long detectorNanos = 0;
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      int[] skippedHere = new int[1];
      Series series;
      try {
        series =
            NabCsv.readSeries(
                Corpus.resolve(dataDir, name),
                name,
                w -> {
                  skippedHere[0]++;
                  listener.warning(w.toString());
                });
      } catch (CorpusException e) {
        failed++;
        listener.seriesFailed(i + 1, names.size(), name, e.getMessage());
        continue;
      }
      long began = System.nanoTime();
      double[] scores = scorer.scores(series);
      long nanos = System.nanoTime() - began;
      write(outDir, series, scores);
      written++;
      rows += series.size();
      skipped += skippedHere[0];
      detectorNanos += nanos;
      listener.seriesDone(
          i + 1, names.size(), new SeriesRun(name, series.size(), skippedHere[0], nanos));
    }
    return new RunSummary(written, failed, rows, skipped, detectorNanos, System.nanoTime() - start);
  }

  /** Feeds {@code series} to {@code detector} row by row; the score after each row, in order. */
  public static double[] scores(Series series, Detector detector) {
    double[] scores = new double[series.size()];
    for (int i = 0; i < scores.length; i++) {
      detector.update(series.timestamp(i), series.value(i));
      scores[i] = detector.score();
    }
    return scores;
  }

  private static void write(Path outDir, Series series, double[] scores) {
    Path file = Corpus.resolve(outDir, series.name());
    try {
      Files.createDirectories(file.getParent());
      try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        out.write("timestamp,value,anomaly_score\n");
        for (int i = 0; i < scores.length; i++) {
          out.write(NabTime.format(series.timestamp(i)));
          out.write(',');
          out.write(Double.toString(series.value(i)));
          out.write(',');
          out.write(Double.toString(scores[i]));
          out.write('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
