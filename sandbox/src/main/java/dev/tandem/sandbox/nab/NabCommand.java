package dev.tandem.sandbox.nab;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ./tandem nab}: the Numenta Anomaly Benchmark harness. */
@Command(
    name = "nab",
    mixinStandardHelpOptions = true,
    description = "Run a detector over NAB series and score the results by NAB's rules.",
    subcommands = {NabRunCommand.class, NabScoreCommand.class})
public final class NabCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: run or score");
  }
}
