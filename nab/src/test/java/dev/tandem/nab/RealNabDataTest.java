package dev.tandem.nab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.edge.detect.stat.RobustAnomalyDetector;
import dev.tandem.nab.corpus.AnomalyWindows;
import dev.tandem.nab.corpus.Corpus;
import dev.tandem.nab.corpus.NabCsv;
import dev.tandem.nab.corpus.Series;
import dev.tandem.nab.corpus.Window;
import dev.tandem.nab.run.NabRunner;
import dev.tandem.nab.score.CostProfile;
import dev.tandem.nab.score.NabScorer;
import dev.tandem.nab.score.ProfileScore;
import dev.tandem.nab.score.ScoreReport;
import dev.tandem.nab.score.ScoredSeries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Two real series of the NAB sample through reader, detector and scorer (under a second). */
class RealNabDataTest {
  private static final List<String> FILES =
      List.of(
          "realKnownCause/ec2_request_latency_system_failure.csv",
          "artificialNoAnomaly/art_daily_small_noise.csv");

  @Test
  void baselineFindsTheLatencyFailuresAndStaysQuietOnANormalSeries() {
    Path root = NabSample.root();
    Path data = root.resolve("data");
    AnomalyWindows all = AnomalyWindows.read(root.resolve("combined_windows.json"));
    List<String> warnings = new ArrayList<>();
    List<ScoredSeries> results = new ArrayList<>();
    Map<String, List<Window>> labels = new TreeMap<>();
    for (String name : FILES) {
      Series series =
          NabCsv.readSeries(Corpus.resolve(data, name), name, w -> warnings.add(w.toString()));
      double[] scores = NabRunner.scores(series, RobustAnomalyDetector.withDefaults());
      long[] times = new long[series.size()];
      for (int i = 0; i < times.length; i++) {
        times[i] = series.timestamp(i);
      }
      results.add(new ScoredSeries(name, times, scores));
      labels.put(name, all.windows(name).orElseThrow());
    }

    ScoreReport report =
        NabScorer.score(results, new AnomalyWindows(labels), CostProfile.nab(), warnings::add);

    assertThat(warnings).isEmpty();
    assertThat(report.rows()).isEqualTo(4032 + 4032);
    assertThat(report.windows()).isEqualTo(3);
    ProfileScore standard = report.profiles().get(0);
    assertThat(standard.files().get(0).file()).isEqualTo(FILES.get(1));
    assertThat(standard.files().get(0).fp()).as("false alarms on a normal series").isZero();
    assertThat(standard.files().get(1).tp()).as("latency failures found").isEqualTo(3);
    assertThat(standard.score()).isGreaterThan(50);
  }
}
