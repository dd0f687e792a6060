package dev.tandem.nab.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.nab.corpus.AnomalyWindows;
import dev.tandem.nab.corpus.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scorer on tiny corpora whose answers are worked out by hand here. Each series has 100 rows,
 * one a minute, so the probationary period is floor(0.15 * 100) = 15 rows; its window covers rows
 * 40..59 (width W = 20, right edge R = 59).
 */
class NabScorerTest {
  private static final long MINUTE = 60_000L;
  private static final long T0 = 1_400_000_000_000L;
  private static final double SIGMA_MINUS_1 = 2 / (1 + Math.exp(-5)) - 1; // 0.98661

  private static double sigma(double y) {
    return y > 3 ? -1 : 2 / (1 + Math.exp(5 * y)) - 1;
  }

  /** A 100-row series scoring 0 except {@code score} at each of {@code rows}. */
  private static ScoredSeries series(String name, double score, int... rows) {
    long[] times = new long[100];
    double[] scores = new double[100];
    for (int i = 0; i < times.length; i++) {
      times[i] = T0 + i * MINUTE;
    }
    for (int row : rows) {
      scores[row] = score;
    }
    return new ScoredSeries(name, times, scores);
  }

  private static ScoredSeries merge(ScoredSeries... parts) {
    long[] times = new long[parts[0].size()];
    double[] scores = new double[times.length];
    for (int i = 0; i < times.length; i++) {
      times[i] = parts[0].timestamp(i);
      for (ScoredSeries part : parts) {
        scores[i] = Math.max(scores[i], part.score(i));
      }
    }
    return new ScoredSeries(parts[0].name(), times, scores);
  }

  private static Window rows(int first, int last) {
    return new Window(T0 + first * MINUTE, T0 + last * MINUTE);
  }

  private static AnomalyWindows oneWindowEach(String... names) {
    var map = new java.util.TreeMap<String, List<Window>>();
    for (String name : names) {
      map.put(name, List.of(rows(40, 59)));
    }
    return new AnomalyWindows(map);
  }

  private static ScoreReport score(AnomalyWindows windows, ScoredSeries... results) {
    List<String> warnings = new ArrayList<>();
    ScoreReport report =
        NabScorer.score(List.of(results), windows, CostProfile.nab(), warnings::add);
    assertThat(warnings).isEmpty();
    return report;
  }

  private static ProfileScore standard(ScoreReport report) {
    return report.profiles().get(0);
  }

  @Test
  void detectionAtTheFirstRowOfTheWindowIsPerfect() {
    ScoreReport report = score(oneWindowEach("a.csv"), series("a.csv", 1.0, 40));

    for (ProfileScore profile : report.profiles()) {
      assertThat(profile.score()).as(profile.profile()).isCloseTo(100, within(1e-9));
      assertThat(profile.threshold()).isEqualTo(1.0);
      assertThat(profile.raw()).isCloseTo(1.0, within(1e-12));
      assertThat(profile.tp()).isEqualTo(1);
      assertThat(profile.fp()).isZero();
      assertThat(profile.fn()).isZero();
    }
  }

  @Test
  void nothingDetectedScoresZero() {
    ScoreReport report = score(oneWindowEach("a.csv"), series("a.csv", 0.0));

    for (ProfileScore profile : report.profiles()) {
      // Detecting everything would cost 25 false positives before the window alone (-2.75
      // standard), more than the window earns, so the best threshold detects nothing.
      assertThat(profile.threshold()).isEqualTo(ThresholdSearch.NOTHING);
      assertThat(profile.score()).as(profile.profile()).isCloseTo(0, within(1e-9));
      assertThat(profile.raw()).isEqualTo(profile.nullScore());
      assertThat(profile.fn()).isEqualTo(1);
    }
    assertThat(report.profiles().get(2).raw()).as("reward_low_FN_rate misses cost 2").isEqualTo(-2);
  }

  @Test
  void falsePositiveBeforeTheFirstWindowCostsTheFullFpWeight() {
    ScoreReport report =
        score(oneWindowEach("a.csv"), series("a.csv", 1.0, 20, 40)); // row 20: before the window

    assertThat(standard(report).files().get(0).score()).isCloseTo(1.0 - 0.11, within(1e-12));
    assertThat(report.profiles().get(1).files().get(0).score())
        .isCloseTo(1.0 - 0.22, within(1e-12));
    assertThat(standard(report).fp()).isEqualTo(1);
    // normalized: 100 * (0.89 - (-1)) / (1 - (-1))
    assertThat(standard(report).score()).isCloseTo(94.5, within(1e-9));
  }

  @Test
  void lateDetectionInTheWindowEarnsLessThanAnEarlyOne() {
    double early = standard(score(oneWindowEach("a.csv"), series("a.csv", 1.0, 40))).raw();
    double middle = standard(score(oneWindowEach("a.csv"), series("a.csv", 1.0, 50))).raw();
    double last = standard(score(oneWindowEach("a.csv"), series("a.csv", 1.0, 59))).raw();

    // row 50: y = -(59 - 50 + 1) / 20 = -0.5; row 59: y = -1 / 20
    assertThat(middle).isCloseTo(sigma(-0.5) / SIGMA_MINUS_1, within(1e-12));
    assertThat(last).isCloseTo(sigma(-0.05) / SIGMA_MINUS_1, within(1e-12));
    assertThat(early).isGreaterThan(middle);
    assertThat(middle).isGreaterThan(last);
  }

  @Test
  void onlyTheEarliestDetectionInAWindowCounts() {
    ProfileScore profile =
        standard(score(oneWindowEach("a.csv"), series("a.csv", 1.0, 40, 45, 50)));

    assertThat(profile.raw()).isCloseTo(1.0, within(1e-12));
    assertThat(profile.tp()).isEqualTo(1);
    assertThat(profile.fp()).isZero();
  }

  @Test
  void falsePositiveAfterAWindowFadesWithDistance() {
    double justAfter = standard(score(oneWindowEach("a.csv"), series("a.csv", 1.0, 40, 60))).raw();
    double farAfter = standard(score(oneWindowEach("a.csv"), series("a.csv", 1.0, 40, 99))).raw();

    // row 60: |59 - 60| / (20 - 1); row 99: 40 / 19 (still below the cut-off at 3)
    assertThat(justAfter).isCloseTo(1 + 0.11 * sigma(1.0 / 19), within(1e-12));
    assertThat(farAfter).isCloseTo(1 + 0.11 * sigma(40.0 / 19), within(1e-12));
    assertThat(justAfter).isGreaterThan(farAfter);
  }

  @Test
  void probationaryRowsAreIgnored() {
    ProfileScore profile = standard(score(oneWindowEach("a.csv"), series("a.csv", 1.0, 0, 14)));

    assertThat(profile.fp()).isZero();
    assertThat(profile.raw()).isEqualTo(-1.0);
    assertThat(profile.score()).isCloseTo(0, within(1e-9));
  }

  @Test
  void windowWhollyInsideTheProbationaryPeriodDoesNotCount() {
    var windows = new AnomalyWindows(Map.of("a.csv", List.of(rows(2, 10), rows(40, 59))));

    ProfileScore profile = standard(score(windows, series("a.csv", 1.0, 40)));

    assertThat(profile.files().get(0).windows()).isEqualTo(1);
    assertThat(profile.nullScore()).isEqualTo(-1.0);
    assertThat(profile.score()).isCloseTo(100, within(1e-9));
  }

  @Test
  void thresholdOptimizationPicksTheBestDistinctScore() {
    // row 20 (before the window) 0.8, row 40 (window start) 0.6, row 70 (after it) 0.4:
    //   threshold 1.1: -1 | 0.8: -1.11 | 0.6: 1 - 0.11 = 0.89 | 0.4: 0.89 + 0.11 sigma(11/19)
    ScoredSeries a =
        merge(series("a.csv", 0.8, 20), series("a.csv", 0.6, 40), series("a.csv", 0.4, 70));

    ProfileScore profile = standard(score(oneWindowEach("a.csv"), a));

    assertThat(profile.threshold()).isEqualTo(0.6);
    assertThat(profile.raw()).isCloseTo(0.89, within(1e-12));
    assertThat(0.89 + 0.11 * sigma(11.0 / 19)).isLessThan(0.89);
  }

  @Test
  void oneThresholdServesTheWholeCorpus() {
    // a.csv alone is best at 0.9 (its window), b.csv alone at 0.5; together 0.5 wins:
    //   0.9: a TP (1) + b missed (-1) = 0 ; 0.5: a TP + a FP at row 20 (-0.11) + b TP = 1.89
    ScoredSeries a = merge(series("a.csv", 0.9, 40), series("a.csv", 0.5, 20));
    ScoredSeries b = series("b.csv", 0.5, 40);

    ProfileScore profile = standard(score(oneWindowEach("a.csv", "b.csv"), a, b));

    assertThat(profile.threshold()).isEqualTo(0.5);
    assertThat(profile.raw()).isCloseTo(1.89, within(1e-12));
    assertThat(profile.files()).extracting(FileScore::file).containsExactly("a.csv", "b.csv");
    assertThat(profile.files().get(0).fp()).isEqualTo(1);
    assertThat(profile.score()).isCloseTo(100 * (1.89 + 2) / 4, within(1e-9));
  }

  @Test
  void seriesWithoutWindowsOnlyCostFalsePositives() {
    var windows =
        new AnomalyWindows(Map.of("a.csv", List.of(rows(40, 59)), "quiet.csv", List.of()));

    ProfileScore profile =
        standard(score(windows, series("a.csv", 1.0, 40), series("quiet.csv", 1.0, 50)));

    assertThat(profile.raw()).isCloseTo(1 - 0.11, within(1e-12));
    assertThat(profile.files().get(1)).isEqualTo(new FileScore("quiet.csv", 0, 0, 1, 0, -0.11));
  }

  @Test
  void unlabeledResultsAndMissingResultsAreReportedNotScored() {
    List<String> warnings = new ArrayList<>();
    ScoreReport report =
        NabScorer.score(
            List.of(series("stray.csv", 1.0, 40)),
            oneWindowEach("a.csv"),
            CostProfile.nab(),
            warnings::add);

    assertThat(report.files()).isZero();
    assertThat(warnings)
        .containsExactly(
            "stray.csv: not in the windows file; not scored",
            "a.csv: labeled but has no result; not scored");
    assertThat(standard(report).score()).isNull();
  }

  @Test
  void reportPrintsJsonAndATable() throws Exception {
    ScoreReport report = score(oneWindowEach("a.csv"), series("a.csv", 1.0, 20, 40));

    JsonNode json = new ObjectMapper().readTree(report.toJson());
    assertThat(json.get("windows").asInt()).isEqualTo(1);
    assertThat(json.at("/profiles/0/profile").asText()).isEqualTo("standard");
    assertThat(json.at("/profiles/0/score").asDouble()).isCloseTo(94.5, within(1e-9));
    assertThat(json.at("/profiles/0/files/0/fp").asInt()).isEqualTo(1);
    assertThat(json.at("/profiles/2/profile").asText()).isEqualTo("reward_low_FN_rate");
    assertThat(report.toTable())
        .contains(
            "profile", "standard", "94.5", "reward_low_FP_rate", "1 series, 100 rows, 1 windows");
  }
}
