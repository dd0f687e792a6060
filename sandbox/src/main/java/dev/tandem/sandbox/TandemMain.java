package dev.tandem.sandbox;

import dev.tandem.sandbox.bench.BenchCommand;
import dev.tandem.sandbox.config.ConfigException;
import dev.tandem.sandbox.demo.DemoCommand;
import dev.tandem.sandbox.edge.AgentCommand;
import dev.tandem.sandbox.edge.FleetCommand;
import dev.tandem.sandbox.ingest.IngestCommand;
import dev.tandem.sandbox.nab.NabCommand;
import dev.tandem.sandbox.run.SandboxCommand;
import dev.tandem.sandbox.train.TrainCommand;
import dev.tandem.servers.ServerStartException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** {@code ./tandem}: the single entry point for people running the platform. */
@Command(
    name = "tandem",
    mixinStandardHelpOptions = true,
    versionProvider = TandemVersion.class,
    description = "Tandem: hybrid edge-cloud machine learning for IoT fleets.",
    subcommands = {
      SandboxCommand.class,
      DemoCommand.class,
      AgentCommand.class,
      FleetCommand.class,
      IngestCommand.class,
      TrainCommand.class,
      NabCommand.class,
      BenchCommand.class,
      HelpCommand.class
    })
public final class TandemMain {
  /** Exit code for a bad configuration value or flag. */
  public static final int EXIT_CONFIG = 2;

  /** Exit code when a server could not start (for example, its port is taken). */
  public static final int EXIT_START = 3;

  static {
    // HiveMQ's jar carries a logback.xml of its own; name ours so logback never has to choose.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "tandem-logback.xml");
    }
    // Servers starting in parallel log before logback is ready; SLF4J replays that, silently.
    System.setProperty("slf4j.internal.verbosity", "ERROR");
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with Tandem's error handling: one clear line, no stack trace. */
  public static CommandLine commandLine() {
    var commandLine = new CommandLine(new TandemMain());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parseResult) -> {
          PrintWriter err = cmd.getErr();
          if (e instanceof ConfigException) {
            err.println("tandem: configuration error: " + e.getMessage());
            return EXIT_CONFIG;
          }
          if (e instanceof ServerStartException) {
            err.println("tandem: " + e.getMessage());
            return EXIT_START;
          }
          throw e;
        });
    return commandLine;
  }
}
