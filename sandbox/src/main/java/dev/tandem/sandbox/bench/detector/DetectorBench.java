package dev.tandem.sandbox.bench.detector;

import dev.tandem.nab.corpus.AnomalyWindows;
import dev.tandem.nab.loop.ForecastModel;
import dev.tandem.nab.loop.ForecasterTrainer;
import dev.tandem.nab.loop.LoopConfig;
import dev.tandem.nab.loop.LoopRunner;
import dev.tandem.nab.loop.RidgeTrainer;
import dev.tandem.nab.loop.artifact.ForecastArtifact;
import dev.tandem.nab.loop.artifact.ForecastVariant;
import dev.tandem.nab.run.NabRunner;
import dev.tandem.nab.run.RunListener;
import dev.tandem.nab.run.RunSummary;
import dev.tandem.nab.run.SeriesRun;
import dev.tandem.nab.score.NabScorer;
import dev.tandem.nab.score.ProfileScore;
import dev.tandem.nab.score.ScoreReport;
import dev.tandem.trainer.optimize.Variant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The detector family: the NAB loop run in process over a corpus once with the teacher as its
 * forecaster and once per student, each model reaching the agent as its {@code .tedg} file
 * (written, read, run by the format's forward pass, as the device does), each run scored by NAB's
 * rules. The smallest student within {@code tolerance} points of the teacher's standard score is
 * the one the size reduction is measured for, as the trainer's tolerance rule picks variants.
 */
public final class DetectorBench {
  /** The edge optimizer's students, in the order it makes them. */
  static final List<String> STUDENTS =
      List.of("student-fp32", "student-int8", "student-pruned-int8");

  private final LoopConfig config;
  private final DistilledForecasters forecasters;
  private final double tolerance;
  private final Consumer<String> log;

  /**
   * @param config the loop's settings (features, retraining schedule, scoring), the same for every
   *     variant
   * @param tolerance the largest standard-score loss of a student that counts (points)
   */
  public DetectorBench(
      LoopConfig config, DistilledForecasters forecasters, double tolerance, Consumer<String> log) {
    this.config = config;
    this.forecasters = forecasters;
    this.tolerance = tolerance;
    this.log = log;
  }

  /**
   * Runs and scores the corpus under {@code data} against {@code windowsFile}; results per variant
   * under {@code out/VARIANT}.
   */
  public DetectorResult run(Path data, Path windowsFile, Path out) {
    AnomalyWindows windows = AnomalyWindows.read(windowsFile);
    List<Long> teacherFiles = new ArrayList<>();
    Run teacher =
        corpus(
            DistilledForecasters.TEACHER,
            forecasters.variant(DistilledForecasters.TEACHER),
            ForecastVariant.FP32,
            teacherFiles,
            data,
            windows,
            out);
    List<List<Variant>> trainings = forecasters.trainings();
    List<DetectorVariant> variants = new ArrayList<>();
    double teacherScore = teacher.standard().score();
    variants.add(
        teacher.variant(
            "savedmodel",
            trainings.stream()
                .map(
                    v ->
                        (long)
                            DistilledForecasters.pick(v, DistilledForecasters.TEACHER)
                                .artifact()
                                .length)
                .toList(),
            mean(teacherFiles),
            heldOutRmse(trainings, DistilledForecasters.TEACHER),
            teacherScore));
    for (String name : STUDENTS) {
      List<Long> files = new ArrayList<>();
      ForecastVariant encoding =
          name.endsWith("int8") ? ForecastVariant.INT8 : ForecastVariant.FP32;
      Run run = corpus(name, forecasters.variant(name), encoding, files, data, windows, out);
      variants.add(
          run.variant(
              "tandem-edge", files, mean(files), heldOutRmse(trainings, name), teacherScore));
    }
    // The adopted ridge detector beside it: int8's loss is against its own fp32 file.
    List<DetectorVariant> ridge = new ArrayList<>();
    double ridgeScore = Double.NaN;
    for (ForecastVariant encoding : ForecastVariant.values()) {
      List<Long> files = new ArrayList<>();
      String name = "ridge-" + encoding.variantName();
      Run run =
          corpus(
              name, new RidgeTrainer(config.ridgePenalty()), encoding, files, data, windows, out);
      if (Double.isNaN(ridgeScore)) {
        ridgeScore = run.standard().score();
      }
      ridge.add(run.variant("tandem-edge", files, mean(files), Double.NaN, ridgeScore));
    }
    DetectorVariant t = variants.get(0);
    List<DetectorVariant> bySize =
        variants.stream()
            .skip(1)
            .sorted(Comparator.comparingDouble(DetectorVariant::meanArtifactBytes))
            .toList();
    DetectorVariant chosen =
        bySize.stream().filter(v -> v.lossPoints() <= tolerance).findFirst().orElse(bySize.get(0));
    int width = config.features().width();
    return new DetectorResult(
        forecasters.teacher(width).toString(),
        forecasters.student(width).toString(),
        teacher.summary().series(),
        trainings.size(),
        variants,
        chosen.name(),
        100 * (1 - chosen.meanArtifactBytes() / t.meanArtifactBytes()),
        chosen.lossPoints(),
        chosen.lossPoints() <= tolerance,
        ridge);
  }

  private Run corpus(
      String name,
      ForecasterTrainer trainer,
      ForecastVariant encoding,
      List<Long> fileSizes,
      Path data,
      AnomalyWindows windows,
      Path out) {
    log.accept("== " + name + ": loop over " + data);
    UnaryOperator<ForecastModel> delivery =
        model -> {
          byte[] file =
              ForecastArtifact.toBytes(
                  model, "nab-detector", "1.0." + model.trainedRows(), encoding);
          synchronized (fileSizes) {
            fileSizes.add((long) file.length);
          }
          return ForecastArtifact.decode(file);
        };
    LoopRunner loop = new LoopRunner(config, trainer, delivery);
    long began = System.nanoTime();
    RunSummary summary =
        new NabRunner(loop, new Progress(name, began)).run(data, out.resolve(name));
    double seconds = (System.nanoTime() - began) / 1e9;
    ScoreReport report =
        NabScorer.scoreDirectory(out.resolve(name), windows, w -> log.accept("  warning: " + w));
    Run run = new Run(name, summary, report, seconds);
    log.accept(
        String.format(
            Locale.ROOT,
            "== %s: standard %.2f, low-FP %.2f, low-FN %.2f (%d models, %.0f s)",
            name,
            run.standard().score(),
            run.profile("reward_low_FP_rate").score(),
            run.profile("reward_low_FN_rate").score(),
            loop.trainings(),
            seconds));
    return run;
  }

  private static double heldOutRmse(List<List<Variant>> trainings, String name) {
    return trainings.stream()
        .mapToDouble(v -> DistilledForecasters.pick(v, name).report().metric())
        .average()
        .orElse(Double.NaN);
  }

  private static double mean(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).average().orElse(0);
  }

  /** One variant's corpus run and its scores. */
  private record Run(String name, RunSummary summary, ScoreReport report, double seconds) {
    ProfileScore profile(String profile) {
      return report.profiles().stream()
          .filter(p -> p.profile().equals(profile))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no " + profile + " profile scored"));
    }

    ProfileScore standard() {
      return profile("standard");
    }

    DetectorVariant variant(
        String format,
        List<Long> artifactSizes,
        double edgeFileBytes,
        double heldOutRmse,
        double teacherScore) {
      ProfileScore s = standard();
      return new DetectorVariant(
          name,
          format,
          artifactSizes.stream().mapToLong(Long::longValue).average().orElse(0),
          artifactSizes.isEmpty() ? 0 : Collections.min(artifactSizes),
          artifactSizes.isEmpty() ? 0 : Collections.max(artifactSizes),
          edgeFileBytes,
          score(s),
          score(profile("reward_low_FP_rate")),
          score(profile("reward_low_FN_rate")),
          s.tp(),
          s.fp(),
          s.fn(),
          heldOutRmse,
          teacherScore - score(s),
          seconds);
    }

    private static double score(ProfileScore p) {
      return p.score() == null ? Double.NaN : p.score();
    }
  }

  /** One line per series: the loop with a TensorFlow teacher takes seconds per series. */
  private final class Progress implements RunListener {
    private final String name;
    private final long began;

    Progress(String name, long began) {
      this.name = name;
      this.began = began;
    }

    @Override
    public void warning(String message) {
      log.accept("  warning: " + message);
    }

    @Override
    public void seriesDone(int index, int total, SeriesRun run) {
      log.accept(
          String.format(
              Locale.ROOT,
              "  %s %d/%d %s: %d rows in %.1f s (%.0f s so far)",
              name,
              index,
              total,
              run.name(),
              run.rows(),
              run.nanos() / 1e9,
              (System.nanoTime() - began) / 1e9));
    }

    @Override
    public void seriesFailed(int index, int total, String series, String reason) {
      log.accept("  %s %d/%d %s: left out (%s)".formatted(name, index, total, series, reason));
    }
  }
}
