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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    return run(dataDir, outDir, 1);
  }

  /**
   * {@link #run(Path, Path)} with up to {@code parallel} series scored at once (the scorer must be
   * safe for that); progress still arrives one series at a time, in the order series finish.
   */
  public RunSummary run(Path dataDir, Path outDir, int parallel) {
    if (parallel < 1) {
      throw new IllegalArgumentException("parallel must be >= 1, got " + parallel);
    }
    long start = System.nanoTime();
    List<String> names = Corpus.discover(dataDir);
    Totals totals = new Totals();
    if (parallel == 1) {
      for (int i = 0; i < names.size(); i++) {
        runOne(dataDir, outDir, names, i, totals);
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(parallel);
      try {
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
          int index = i;
          runs.add(pool.submit(() -> runOne(dataDir, outDir, names, index, totals)));
        }
        for (Future<?> run : runs) {
          await(run);
        }
      } finally {
        pool.shutdownNow();
      }
    }
    synchronized (totals) {
      return new RunSummary(
          totals.written,
          totals.failed,
          totals.rows,
          totals.skipped,
          totals.detectorNanos,
          System.nanoTime() - start);
    }
  }

  private static void await(Future<?> run) {
    try {
      run.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while series were running", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** What the series of a run add up to; guarded by its own lock. */
  private static final class Totals {
    int written;
    int failed;
    long rows;
    long skipped;
    long detectorNanos;
  }

  private void runOne(Path dataDir, Path outDir, List<String> names, int i, Totals totals) {
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
                synchronized (totals) {
                  listener.warning(w.toString());
                }
              });
    } catch (CorpusException e) {
      synchronized (totals) {
        totals.failed++;
        listener.seriesFailed(i + 1, names.size(), name, e.getMessage());
      }
      return;
    }
    long began = System.nanoTime();
    double[] scores = scorer.scores(series);
    long nanos = System.nanoTime() - began;
    write(outDir, series, scores);
    synchronized (totals) {
      totals.written++;
      totals.rows += series.size();
      totals.skipped += skippedHere[0];
      totals.detectorNanos += nanos;
      listener.seriesDone(
          i + 1, names.size(), new SeriesRun(name, series.size(), skippedHere[0], nanos));
    }
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
