package dev.tandem.sandbox.edge;

import dev.tandem.edge.fleet.FleetSimulator;
import dev.tandem.edge.fleet.FleetSpec;
import dev.tandem.sandbox.config.ConfigException;
import dev.tandem.sandbox.config.DurationOption;
import dev.tandem.sandbox.run.ServerOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./tandem fleet --devices N}: N simulated agents in this JVM until Ctrl-C. */
@Command(
    name = "fleet",
    mixinStandardHelpOptions = true,
    description =
        "Run N simulated edge agents in one JVM, each with its own MQTT connection and outbox.")
public final class FleetCommand implements Callable<Integer> {
  @Option(
      names = "--devices",
      defaultValue = "10",
      description = "How many agents (default ${DEFAULT-VALUE}).")
  int devices;

  @Option(
      names = "--mqtt",
      defaultValue = "tcp://127.0.0.1:11883",
      paramLabel = "URL",
      description = "Broker (default: the sandbox's, ${DEFAULT-VALUE}).")
  String mqtt;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Outboxes live here (default .tandem/fleet).")
  Path dataDir;

  @Option(
      names = "--window",
      defaultValue = "10s",
      paramLabel = "DURATION",
      description = "Summary window (default ${DEFAULT-VALUE}).")
  String window;

  @Option(names = "--seed", defaultValue = "1", description = "Seed for sensors and faults.")
  long seed;

  @Option(
      names = "--prefix",
      defaultValue = "sim",
      description = "Device id prefix (default ${DEFAULT-VALUE}).")
  String prefix;

  @Override
  public Integer call() throws InterruptedException {
    FleetSpec spec;
    try {
      spec =
          new FleetSpec(
              devices,
              prefix,
              mqtt,
              dataDir != null
                  ? dataDir.toAbsolutePath()
                  : ServerOptions.home().resolve(".tandem/fleet"),
              DurationOption.parse("--window", window),
              seed,
              Duration.ofSeconds(20));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
    System.out.printf("Starting %d simulated agents against %s%n", devices, mqtt);
    var fleet =
        FleetSimulator.start(
            spec,
            InstantSource.system(),
            n -> {
              if (n % 10 == 0 || n == devices) {
                System.out.printf("  %d/%d agents up%n", n, devices);
              }
            });
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  fleet.close();
                  System.out.println("Fleet stopped.");
                  stopped.countDown();
                },
                "tandem-fleet-stop"));
    System.out.println("Fleet running. Press Ctrl-C to stop.");
    stopped.await();
    return 0;
  }
}
