package dev.tandem.sandbox.nab;

import dev.tandem.edge.detect.Detector;
import dev.tandem.nab.corpus.CorpusException;
import dev.tandem.nab.loop.LoopConfig;
import dev.tandem.nab.loop.LoopRunner;
import dev.tandem.nab.loop.artifact.ForecastArtifact;
import dev.tandem.nab.loop.artifact.ForecastVariant;
import dev.tandem.nab.run.DetectorCatalog;
import dev.tandem.nab.run.NabRunner;
import dev.tandem.nab.run.RunListener;
import dev.tandem.nab.run.RunSummary;
import dev.tandem.nab.run.SeriesRun;
import dev.tandem.nab.run.SeriesScorer;
import dev.tandem.sandbox.config.ConfigException;
import dev.tandem.sandbox.nab.platform.PlatformLoopRunner;
import dev.tandem.sandbox.nab.platform.PlatformSummary;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./tandem nab run}: score every series of a NAB-layout folder, one row at a time. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Run a detector over every CSV under --data, strictly causally, and write NAB result"
            + " files (timestamp,value,anomaly_score) under --out with the same relative paths."
            + " --mode loop replays each series through the train-and-switch loop: models"
            + " retrained on the rows received so far, the agent switching to each new one."
            + " Exits 1 if a series could not be read (the others are still written).")
public final class NabRunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "NAB-layout data folder, e.g. ../shared/data/nab/data.")
  Path data;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where results go.")
  Path out;

  /** What scores the series. */
  enum Mode {
    /** One on-device detector per series ({@code --detector}). */
    baseline,
    /** Models retrained on the rows so far, fused with the statistical detector. */
    loop
  }

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      defaultValue = "baseline",
      description = "baseline (default: one --detector per series) or loop.")
  Mode mode;

  @Option(
      names = "--detector",
      paramLabel = "NAME",
      defaultValue = DetectorCatalog.DEFAULT,
      description = "Detector to run in baseline mode (default: ${DEFAULT-VALUE}; also: null).")
  String detector;

  @Option(
      names = "--in-process",
      description =
          "--mode loop only: run the loop in this JVM (no servers) instead of through the platform.")
  boolean inProcess;

  @Option(
      names = "--variant",
      paramLabel = "NAME",
      description =
          "--mode loop only: the model variant the agents run, fp32 or int8 (through the platform:"
              + " the variant rolled out, default fp32; in process: models go through that"
              + " edge-model file and back, default none: the exact double-precision models).")
  String variant;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description = "Series scored at once (default 1; through the platform 4, one device each).")
  Integer parallel;

  @Override
  public Integer call() throws Exception {
    var parse = spec.commandLine().getParseResult();
    if (mode != Mode.loop) {
      for (String loopOnly : new String[] {"--in-process", "--variant"}) {
        if (parse.hasMatchedOption(loopOnly)) {
          throw new ConfigException(loopOnly + ": only in --mode loop");
        }
      }
    }
    if (mode == Mode.loop && parse.hasMatchedOption("--detector")) {
      throw new ConfigException("--detector: only in --mode baseline; the loop has its own");
    }
    if (parallel != null && parallel < 1) {
      throw new ConfigException("--parallel: must be at least 1, got " + parallel);
    }
    ForecastVariant chosen = null;
    if (variant != null) {
      try {
        chosen = ForecastVariant.named(variant);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("--variant: " + e.getMessage());
      }
    }
    if (mode == Mode.loop && !inProcess) {
      checkFolders();
      var config = LoopConfig.defaults();
      var rolled = chosen == null ? ForecastVariant.FP32 : chosen;
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.printf(
          "NAB run: loop through the platform (agents on the %s variant) over %s -> %s%n",
          rolled.variantName(), data, out);
      stdout.flush();
      long began = System.nanoTime();
      try (var platform = PlatformLoopRunner.start(config, rolled, System.out)) {
        stdout.printf(Locale.ROOT, "platform up in %.1f s%n", (System.nanoTime() - began) / 1e9);
        int code = run(platform, parallel == null ? 4 : parallel);
        PlatformSummary.print(stdout, platform.reports().values());
        return code;
      }
    }
    SeriesScorer scorer;
    LoopRunner loop = null;
    String what;
    if (mode == Mode.loop) {
      loop =
          chosen == null
              ? LoopRunner.withRidge(LoopConfig.defaults())
              : LoopRunner.withRidge(LoopConfig.defaults(), ForecastArtifact.roundTrip(chosen));
      scorer = loop;
      what =
          "loop in process (ridge forecasters retrained on the rows so far + robust-stat"
              + (chosen == null ? "" : ", through the " + chosen.variantName() + " artifact")
              + ")";
    } else {
      Supplier<Detector> detectors;
      try {
        detectors = DetectorCatalog.named(detector);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("--detector: " + e.getMessage());
      }
      scorer = series -> NabRunner.scores(series, detectors.get());
      what = "detector " + detector;
    }
    checkFolders();
    spec.commandLine().getOut().printf("NAB run: %s over %s -> %s%n", what, data, out);
    int code = run(scorer, parallel == null ? 1 : parallel);
    if (loop != null) {
      spec.commandLine()
          .getOut()
          .printf(
              Locale.ROOT,
              "%d models trained, each on the rows of its series received before it was installed%n",
              loop.trainings());
      spec.commandLine().getOut().flush();
    }
    return code;
  }

  private void checkFolders() {
    if (!Files.isDirectory(data)) {
      throw new ConfigException("--data: " + data + " is not a directory");
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new ConfigException("--out: " + out + " exists and is not a directory");
    }
  }

  private int run(SeriesScorer scorer, int seriesAtOnce) {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    RunSummary summary;
    try {
      summary = new NabRunner(scorer, new Progress(stdout, stderr)).run(data, out, seriesAtOnce);
    } catch (CorpusException e) {
      throw new ConfigException("--data: " + e.getMessage());
    }
    stdout.printf(
        Locale.ROOT,
        "%d series, %d rows, %d broken lines skipped, %d series unreadable;"
            + " scoring %.2f s%s (%.2f us per row), total %.2f s%n",
        summary.series(),
        summary.rows(),
        summary.skippedLines(),
        summary.failed(),
        summary.detectorNanos() / 1e9,
        seriesAtOnce == 1 ? "" : " summed over series, " + seriesAtOnce + " at once",
        summary.rows() == 0 ? 0.0 : summary.detectorNanos() / 1e3 / summary.rows(),
        summary.wallNanos() / 1e9);
    stdout.flush();
    return summary.failed() == 0 ? 0 : 1;
  }

  /** One line per series on stdout; warnings on stderr. */
  private record Progress(PrintWriter out, PrintWriter err) implements RunListener {
    @Override
    public void warning(String message) {
      err.println("warning: " + message);
      err.flush();
    }

    @Override
    public void seriesDone(int index, int total, SeriesRun run) {
      out.printf(
          Locale.ROOT,
          "[%2d/%d] %-60s %6d rows %6.2f s%n",
          index,
          total,
          run.name(),
          run.rows(),
          run.nanos() / 1e9);
      out.flush();
    }

    @Override
    public void seriesFailed(int index, int total, String name, String reason) {
      err.printf("[%2d/%d] %s: not run: %s%n", index, total, name, reason);
      err.flush();
    }
  }
}
