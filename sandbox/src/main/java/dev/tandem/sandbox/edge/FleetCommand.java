package dev.tandem.sandbox.edge;

import dev.tandem.edge.fleet.FleetSimulator;
import dev.tandem.edge.fleet.FleetSpec;
import dev.tandem.sandbox.config.ConfigException;
import dev.tandem.sandbox.config.DurationOption;
import dev.tandem.sandbox.fleet.EnrolledFleet;
import dev.tandem.sandbox.run.ServerOptions;
import dev.tandem.servers.ServerStartException;
import dev.tandem.trainer.registry.RegistryApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
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
      defaultValue = "fleet",
      description =
          "Device id prefix (default ${DEFAULT-VALUE}; the sandbox's own agents are sim-...).")
  String prefix;

  @Option(
      names = "--enroll",
      description =
          "Enroll the agents in the control plane first (a known device gets new credentials)"
              + " and log in with their MQTT credentials, as the sandbox's broker requires; they"
              + " run update clients, so a rollout to their group reaches them.")
  boolean enroll;

  @Option(
      names = "--api",
      defaultValue = "http://127.0.0.1:18080",
      paramLabel = "URL",
      description = "With --enroll: the control plane (default: the sandbox's, ${DEFAULT-VALUE}).")
  URI api;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description =
          "With --enroll: an operator or admin API token (default: the sandbox's,"
              + " .tandem/sandbox/cloud-registry/admin-token).")
  Path tokenFile;

  @Option(
      names = "--group",
      defaultValue = "fleet",
      description = "With --enroll: the group they enroll in (default ${DEFAULT-VALUE}).")
  String group;

  @Option(
      names = "--hardware-class",
      defaultValue = "jetson-orin",
      description = "With --enroll: their hardware class (default ${DEFAULT-VALUE}).")
  String hardwareClass;

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
    AutoCloseable fleet = enroll ? enrolled(spec) : started(spec);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    fleet.close();
                  } catch (Exception e) {
                    System.err.println("tandem: stopping the fleet: " + e);
                  }
                  System.out.println("Fleet stopped.");
                  stopped.countDown();
                },
                "tandem-fleet-stop"));
    System.out.println("Fleet running. Press Ctrl-C to stop.");
    stopped.await();
    return 0;
  }

  /** Enrolled through the control plane, each logging in with its own credentials. */
  private EnrolledFleet enrolled(FleetSpec spec) throws InterruptedException {
    Path file =
        tokenFile != null
            ? tokenFile
            : ServerOptions.home().resolve(".tandem/sandbox/cloud-registry/admin-token");
    String token;
    try {
      token = Files.readString(file).strip();
    } catch (IOException e) {
      throw new ConfigException(
          "--token-file: cannot read " + file + " (" + e + "); start the sandbox or name a file");
    }
    var admin = new RegistryApi(HttpClient.newHttpClient(), api, token);
    try {
      EnrolledFleet fleet = EnrolledFleet.start(admin, spec, hardwareClass, group, System.out);
      System.out.printf(
          "  %d agents enrolled as %s in group %s; roll out with selector \"group=%s\"%n",
          fleet.size(), hardwareClass, group, group);
      return fleet;
    } catch (IOException | RuntimeException e) {
      throw new ServerStartException("fleet: cannot enroll at " + api + ": " + e.getMessage(), e);
    }
  }

  private FleetSimulator started(FleetSpec spec) {
    return FleetSimulator.start(
        spec,
        InstantSource.system(),
        n -> {
          if (n % 10 == 0 || n == devices) {
            System.out.printf("  %d/%d agents up%n", n, devices);
          }
        });
  }
}
