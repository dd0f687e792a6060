package dev.tandem.nab.score;

import dev.tandem.nab.corpus.AnomalyWindows;
import dev.tandem.nab.corpus.Corpus;
import dev.tandem.nab.corpus.ParseWarning;
import dev.tandem.nab.corpus.Window;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Scores a detector's results by NAB's rules (see {@code docs/nab.md}): for each profile, one
 * corpus-wide threshold chosen to maximize the corpus total, then normalized so that the null
 * detector scores 0 and the perfect detector 100.
 */
public final class NabScorer {
  private NabScorer() {}

  /**
   * Reads every result CSV under {@code resultsDir} and scores it against {@code windows}. Broken
   * lines are reported and skipped.
   *
   * @param warnings receives one line per skipped row or series
   */
  public static ScoreReport scoreDirectory(
      Path resultsDir, AnomalyWindows windows, Consumer<String> warnings) {
    List<ScoredSeries> results = new ArrayList<>();
    Consumer<ParseWarning> lines = w -> warnings.accept(w.toString());
    for (String name : Corpus.discover(resultsDir)) {
      results.add(ScoredSeries.read(Corpus.resolve(resultsDir, name), name, lines));
    }
    return score(results, windows, CostProfile.nab(), warnings);
  }

  /**
   * Scores results against their labels. A result the windows do not name is skipped with a
   * warning, and so is a labeled series without a result.
   */
  public static ScoreReport score(
      List<ScoredSeries> results,
      AnomalyWindows windows,
      List<CostProfile> profiles,
      Consumer<String> warnings) {
    List<LabeledSeries> corpus = new ArrayList<>();
    long rows = 0;
    Set<String> seen = new HashSet<>();
    for (ScoredSeries result :
        results.stream().sorted(Comparator.comparing(ScoredSeries::name)).toList()) {
      Optional<List<Window>> labels = windows.windows(result.name());
      if (labels.isEmpty()) {
        warnings.accept(result.name() + ": not in the windows file; not scored");
        continue;
      }
      corpus.add(new LabeledSeries(result, labels.get()));
      seen.add(result.name());
      rows += result.size();
    }
    for (String labeled : windows.files()) {
      if (!seen.contains(labeled)) {
        warnings.accept(labeled + ": labeled but has no result; not scored");
      }
    }
    int windowCount = corpus.stream().mapToInt(s -> s.windows).sum();
    var search = new ThresholdSearch(corpus);
    List<ProfileScore> scores = new ArrayList<>();
    for (CostProfile profile : profiles) {
      scores.add(profileScore(corpus, windowCount, search.best(profile), profile));
    }
    return new ScoreReport(corpus.size(), rows, windowCount, scores);
  }

  private static ProfileScore profileScore(
      List<LabeledSeries> corpus, int windowCount, double threshold, CostProfile profile) {
    List<FileScore> files = new ArrayList<>();
    double raw = 0;
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (LabeledSeries series : corpus) {
      FileScore file = fileScore(series, threshold, profile);
      files.add(file);
      raw += file.score();
      tp += file.tp();
      fp += file.fp();
      fn += file.fn();
    }
    double nullScore = -profile.fnWeight() * windowCount;
    double perfect = profile.tpWeight() * windowCount;
    Double normalized =
        perfect > nullScore ? 100 * (raw - nullScore) / (perfect - nullScore) : null;
    return new ProfileScore(
        profile.name(), normalized, threshold, raw, nullScore, perfect, tp, fp, fn, files);
  }

  /** One series at a given threshold: only the best (earliest) detection in a window counts. */
  static FileScore fileScore(LabeledSeries series, double threshold, CostProfile profile) {
    double[] best = new double[series.windows];
    boolean[] detected = new boolean[series.windows];
    double total = 0;
    int fp = 0;
    for (int i = series.probation; i < series.series.size(); i++) {
      if (series.series.score(i) < threshold) {
        continue;
      }
      int id = series.window[i];
      double weight = series.weight(i, profile);
      if (id == LabeledSeries.OUTSIDE) {
        fp++;
        total += weight;
      } else if (!detected[id] || weight > best[id]) {
        detected[id] = true;
        best[id] = weight;
      }
    }
    int tp = 0;
    for (int w = 0; w < series.windows; w++) {
      if (detected[w]) {
        tp++;
        total += best[w];
      } else {
        total -= profile.fnWeight();
      }
    }
    return new FileScore(series.series.name(), series.windows, tp, fp, series.windows - tp, total);
  }
}
