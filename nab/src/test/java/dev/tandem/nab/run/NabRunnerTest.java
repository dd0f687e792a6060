package dev.tandem.nab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.edge.detect.Detector;
import dev.tandem.edge.detect.stat.RobustAnomalyDetector;
import dev.tandem.nab.NabSample;
import dev.tandem.nab.corpus.Corpus;
import dev.tandem.nab.corpus.NabCsv;
import dev.tandem.nab.corpus.Series;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NabRunnerTest {
  private static final Supplier<Detector> ROBUST = RobustAnomalyDetector::withDefaults;

  @TempDir Path dir;

  /** Collects what a run reports. */
  static final class Recorder implements RunListener {
    final List<String> warnings = new ArrayList<>();
    final List<SeriesRun> done = new ArrayList<>();
    final List<String> failed = new ArrayList<>();

    @Override
    public void warning(String message) {
      warnings.add(message);
    }

    @Override
    public void seriesDone(int index, int total, SeriesRun run) {
      done.add(run);
    }

    @Override
    public void seriesFailed(int index, int total, String name, String reason) {
      failed.add(name + ": " + reason);
    }
  }

  private static Series synthetic(int rows, long seed) {
    Random random = new Random(seed);
    long[] times = new long[rows];
    double[] values = new double[rows];
    for (int i = 0; i < rows; i++) {
      times[i] = 1_400_000_000_000L + i * 300_000L;
      values[i] = 20 + 5 * Math.sin(i / 30.0) + random.nextGaussian() + (i == 1500 ? 30 : 0);
    }
    return new Series("synthetic.csv", times, values);
  }

  private static void assertCausal(Series series, int... cuts) {
    double[] full = NabRunner.scores(series, ROBUST.get());
    for (int cut : cuts) {
      double[] truncated = NabRunner.scores(series.truncate(cut), ROBUST.get());
      assertThat(truncated)
          .as("scores of rows < %d", cut)
          .containsExactly(java.util.Arrays.copyOf(full, cut));
    }
  }

  @Test
  void scoresOfEarlierRowsDoNotChangeWhenTheSeriesIsTruncated() {
    assertCausal(synthetic(3000, 1), 1, 289, 1500, 1501, 2999);
  }

  @Test
  void scoresOfEarlierRowsDoNotChangeWhenARealSeriesIsTruncated() {
    Path data = NabSample.root().resolve("data");
    Series series =
        NabCsv.readSeries(
            Corpus.resolve(data, "realTraffic/speed_7578.csv"),
            "realTraffic/speed_7578.csv",
            w -> {});
    assertCausal(series, 300, 317, 750, series.size() - 1);
  }

  @Test
  void writesOneResultFilePerSeriesWithTheSameRelativePath() throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectories(data.resolve("groupA"));
    Files.writeString(
        data.resolve("groupA/one.csv"),
        "timestamp,value\n2014-04-01 00:00:00,1\n2014-04-01 00:05:00,oops\n2014-04-01 00:10:00,3\n");
    Files.writeString(data.resolve("two.csv"), "timestamp,value\n2014-04-01 00:00:00,5\n");
    Files.writeString(data.resolve("broken.csv"), "no header here\n");
    Path out = dir.resolve("out");
    var recorder = new Recorder();

    RunSummary summary = new NabRunner(ROBUST, recorder).run(data, out);

    assertThat(summary.series()).isEqualTo(2);
    assertThat(summary.failed()).isEqualTo(1);
    assertThat(summary.rows()).isEqualTo(3);
    assertThat(summary.skippedLines()).isEqualTo(1);
    assertThat(recorder.warnings)
        .containsExactly("groupA/one.csv:3: value 'oops' is not a number; line skipped");
    assertThat(recorder.failed)
        .singleElement()
        .asString()
        .startsWith("broken.csv: broken.csv:1: header");
    assertThat(recorder.done)
        .extracting(SeriesRun::name)
        .containsExactly("groupA/one.csv", "two.csv");
    assertThat(Files.readAllLines(out.resolve("groupA/one.csv")))
        .containsExactly(
            "timestamp,value,anomaly_score",
            "2014-04-01 00:00:00,1.0,0.0",
            "2014-04-01 00:10:00,3.0,0.0");
    assertThat(out.resolve("two.csv")).exists();
    assertThat(out.resolve("broken.csv")).doesNotExist();
  }

  @Test
  void catalogKnowsTheBaselineAndRefusesUnknownNamesListingTheKnownOnes() {
    assertThat(DetectorCatalog.named(DetectorCatalog.DEFAULT).get().name())
        .isEqualTo("robust-stat");
    assertThat(DetectorCatalog.named("null").get().score()).isZero();
    assertThatThrownBy(() -> DetectorCatalog.named("magic"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown detector 'magic'; known: null, robust-stat");
  }
}
