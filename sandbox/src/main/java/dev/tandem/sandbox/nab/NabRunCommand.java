package dev.tandem.sandbox.nab;

import dev.tandem.edge.detect.Detector;
import dev.tandem.nab.corpus.CorpusException;
import dev.tandem.nab.run.DetectorCatalog;
import dev.tandem.nab.run.NabRunner;
import dev.tandem.nab.run.RunListener;
import dev.tandem.nab.run.RunSummary;
import dev.tandem.nab.run.SeriesRun;
import dev.tandem.sandbox.config.ConfigException;
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

  @Option(
      names = "--detector",
      paramLabel = "NAME",
      defaultValue = DetectorCatalog.DEFAULT,
      description = "Detector to run (default: ${DEFAULT-VALUE}; also: null).")
  String detector;

  @Override
  public Integer call() {
    Supplier<Detector> detectors;
    try {
      detectors = DetectorCatalog.named(detector);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--detector: " + e.getMessage());
    }
    if (!Files.isDirectory(data)) {
      throw new ConfigException("--data: " + data + " is not a directory");
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new ConfigException("--out: " + out + " exists and is not a directory");
    }
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    stdout.printf("NAB run: detector %s over %s -> %s%n", detector, data, out);
    RunSummary summary;
    try {
      summary = new NabRunner(detectors, new Progress(stdout, stderr)).run(data, out);
    } catch (CorpusException e) {
      throw new ConfigException("--data: " + e.getMessage());
    }
    stdout.printf(
        Locale.ROOT,
        "%d series, %d rows, %d broken lines skipped, %d series unreadable;"
            + " detector %.2f s (%.2f us per row), total %.2f s%n",
        summary.series(),
        summary.rows(),
        summary.skippedLines(),
        summary.failed(),
        summary.detectorNanos() / 1e9,
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
