package dev.tandem.sandbox.nab;

import dev.tandem.nab.corpus.AnomalyWindows;
import dev.tandem.nab.corpus.CorpusException;
import dev.tandem.nab.score.NabScorer;
import dev.tandem.nab.score.ScoreReport;
import dev.tandem.sandbox.config.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./tandem nab score}: NAB's three profiles over a folder of result files. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description =
        "Score NAB result files against labeled windows: one corpus-wide threshold per profile"
            + " (standard, reward_low_FP_rate, reward_low_FN_rate), normalized so that the null"
            + " detector scores 0 and the perfect one 100. Prints JSON on stdout and a table on"
            + " stderr; with --json, writes the JSON there and prints the table on stdout.")
public final class NabScoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--results",
      required = true,
      paramLabel = "DIR",
      description = "Folder of result CSVs, as written by 'nab run'.")
  Path results;

  @Option(
      names = "--windows",
      required = true,
      paramLabel = "FILE",
      description = "NAB labels, e.g. ../shared/data/nab/combined_windows.json.")
  Path windowsFile;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON report here.")
  Path jsonFile;

  @Override
  public Integer call() {
    if (!Files.isDirectory(results)) {
      throw new ConfigException("--results: " + results + " is not a directory");
    }
    if (!Files.isRegularFile(windowsFile)) {
      throw new ConfigException("--windows: file not found: " + windowsFile);
    }
    AnomalyWindows windows;
    try {
      windows = AnomalyWindows.read(windowsFile);
    } catch (CorpusException e) {
      throw new ConfigException("--windows: " + e.getMessage());
    }
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    ScoreReport report;
    try {
      report = NabScorer.scoreDirectory(results, windows, w -> stderr.println("warning: " + w));
    } catch (CorpusException e) {
      throw new ConfigException("--results: " + e.getMessage());
    }
    if (jsonFile != null) {
      write(jsonFile, report.toJson());
      stdout.print(report.toTable());
      stdout.println("JSON report written to " + jsonFile.toAbsolutePath());
    } else {
      stdout.println(report.toJson());
      stderr.print(report.toTable());
    }
    stdout.flush();
    stderr.flush();
    return report.files() > 0 ? 0 : 1;
  }

  private static void write(Path file, String json) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, json + System.lineSeparator());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
