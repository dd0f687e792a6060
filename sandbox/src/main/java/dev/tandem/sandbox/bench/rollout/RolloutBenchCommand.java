package dev.tandem.sandbox.bench.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.sandbox.bench.registry.CpuMeter;
import dev.tandem.sandbox.config.DurationOption;
import dev.tandem.sandbox.registry.Enroller;
import dev.tandem.sandbox.registry.RolloutWatch;
import dev.tandem.sandbox.run.PrivateSandbox;
import dev.tandem.sandbox.run.Sandbox;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./tandem bench rollout}: a private sandbox (broker, Kafka, S3 store, PostgreSQL, control
 * plane, ingest bridge), a signed model, N enrolled devices each with its own MQTT connection and
 * update client, and one staged rollout created through the REST API, followed to its end.
 */
@Command(
    name = "rollout",
    mixinStandardHelpOptions = true,
    description = "A staged rollout to N simulated devices: time to 100%% active, per wave, cost.")
public final class RolloutBenchCommand implements Callable<Integer> {
  @Option(names = "--devices", defaultValue = "1000", description = "Simulated devices.")
  int devices;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the JSON here.")
  Path json;

  @Option(
      names = "--fail-percent",
      defaultValue = "0",
      description = "Percent of devices (seeded) whose health check fails; the rollout must stop.")
  double failPercent;

  @Option(
      names = "--waves",
      defaultValue = "1,10,50,100",
      description = "Cumulative wave percentages.")
  String waves;

  @Option(names = "--bake", defaultValue = "2s", description = "Bake time per wave.")
  String bake;

  @Option(
      names = "--failure-threshold",
      defaultValue = "0.02",
      description = "Share of a wave that may fail before the rollout stops.")
  double failureThreshold;

  @Option(names = "--timeout", defaultValue = "5m", description = "Give up on the rollout after.")
  String timeout;

  @Option(
      names = "--update-threads",
      defaultValue = "16",
      description =
          "Update-client worker threads shared by the simulated devices (a worker waits while its"
              + " device downloads, so a few more than cores keep downloads overlapping).")
  int updateThreads;

  @Option(
      names = "--fleet-in-process",
      description =
          "Run the simulated devices in the benchmark's JVM rather than in a JVM of their own.")
  boolean fleetInProcess;

  @Option(
      names = "--tick",
      defaultValue = "250ms",
      description =
          "The control plane's engine tick (tandem.rollouts.tick-interval; its default is 1s): how"
              + " soon it sees reports and starts the next wave.")
  String tick;

  @Option(
      names = "--report-window",
      defaultValue = "1s",
      description =
          "How long a device gathers the steps of an update into one report (0: a message a step).")
  String reportWindow;

  @Option(names = "--enroll-parallel", defaultValue = "32", description = "Enrollments at once.")
  int enrollParallel;

  @Override
  public Integer call() throws Exception {
    if (devices < 1 || failPercent < 0 || failPercent > 100) {
      System.err.println("--devices must be at least 1, --fail-percent between 0 and 100");
      return 2;
    }
    long needed = FileDescriptors.neededFor(devices, fleetInProcess);
    long limit = FileDescriptors.limit();
    if (limit > 0 && limit < needed) {
      System.err.printf(
          "%d devices need about %d file descriptors in this JVM (a socket each on the client and"
              + " on the embedded broker's side, plus the servers' files); the limit here is %d"
              + " (ulimit -n): raise it, or run at most %d devices%n",
          devices, needed, limit, FileDescriptors.devicesWithin(limit, fleetInProcess));
      return 2;
    }
    PrintStream log = System.err;
    Duration tickInterval = DurationOption.parse("--tick", tick);
    try (PrivateSandbox platform =
        PrivateSandbox.start(
            "tandem-bench-rollout-",
            log,
            Map.of("tandem.rollouts.tick-interval", tickInterval.toMillis() + "ms"))) {
      return run(platform, log);
    }
  }

  private int run(PrivateSandbox platform, PrintStream log) throws Exception {
    Sandbox sandbox = platform.sandbox();
    Path scratch = platform.scratch();
    var registry = sandbox.registry();
    var admin = platform.admin();
    byte[] artifact = BenchModel.register(admin);
    long enrollStart = System.nanoTime();
    List<String> ids = BenchDevices.ids(devices);
    new Enroller(admin, enrollParallel, log).enroll(ids, BenchModel.HARDWARE, BenchDevices.GROUP);
    double enrollSeconds = seconds(enrollStart);
    log.printf("enrolled %d devices in %.1f s%n", devices, enrollSeconds);
    Path root = scratch.resolve("root.json");
    Files.write(root, admin.getBytes("/api/v1/signing/root"));
    Duration window =
        reportWindow.strip().equals("0")
            ? Duration.ZERO
            : DurationOption.parse("--report-window", reportWindow);
    long connectStart = System.nanoTime();
    URI broker = URI.create(sandbox.stack().mqtt().serverUri());
    try (SimulatedFleet fleet =
        fleetInProcess
            ? LeanFleet.start(
                ids,
                broker,
                scratch.resolve("devices"),
                root,
                updateThreads,
                failPercent / 100,
                window,
                log)
            : ChildFleet.start(
                ids.size(),
                broker,
                scratch.resolve("devices"),
                root,
                updateThreads,
                failPercent / 100,
                window)) {
      double connectSeconds = seconds(connectStart);
      log.printf(
          "%d devices connected in %.1f s (%d broken)%n",
          fleet.size(), connectSeconds, fleet.broken());
      CpuMeter cpu = new CpuMeter(registry.pid(), sandbox.config().dataDir());
      try (ProcessMemory memory = new ProcessMemory(registry.pid())) {
        cpu.start();
        long fleetCpuStart = fleet.cpuNanos();
        long created = System.nanoTime();
        String id = admin.post("/api/v1/rollouts", request()).path("id").asText();
        log.printf("rollout %s created; following it%n", id);
        var outcome =
            new RolloutWatch(admin, log)
                .follow(id, devices, DurationOption.parse("--timeout", timeout));
        cpu.stop();
        long fleetCpu = fleetCpuStart < 0 ? -1 : fleet.cpuNanos() - fleetCpuStart;
        Thread.sleep(500); // the child's next status lines
        JsonNode assignment = admin.get("/api/v1/rollouts/" + id + "/devices");
        StopCheck stop = StopCheck.of(assignment, fleet::isBroken, failureThreshold);
        var result =
            new RolloutBenchReport.Run(
                devices,
                fleet.broken(),
                artifact.length,
                enrollSeconds,
                connectSeconds,
                created,
                outcome,
                stop,
                fleet,
                fleetCpu,
                cpu.used(),
                memory.peakBytes(),
                memory.lifetimePeakBytes());
        RolloutBenchReport report = new RolloutBenchReport(setup(), result);
        report.build().print(json);
        return report.passed() ? 0 : 1;
      }
    }
  }

  private Map<String, Object> request() {
    Map<String, Object> strategy = new LinkedHashMap<>();
    strategy.put("waves", Map.of("percent", percents()));
    strategy.put("successThreshold", 1.0);
    strategy.put("failureThreshold", failureThreshold);
    strategy.put("bakeTime", bake);
    strategy.put("gate", Map.of("requireHealthData", false));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("model", BenchModel.NAME);
    body.put("version", BenchModel.VERSION);
    body.put("selector", "group=" + BenchDevices.GROUP);
    body.put("strategy", strategy);
    return body;
  }

  private List<Integer> percents() {
    return Arrays.stream(waves.split(",")).map(String::strip).map(Integer::valueOf).toList();
  }

  private Map<String, Object> setup() {
    Map<String, Object> setup = new LinkedHashMap<>();
    setup.put("devices", devices);
    setup.put("wavesPercent", percents());
    setup.put("bakeTime", bake);
    setup.put("successThreshold", 1.0);
    setup.put("failureThreshold", failureThreshold);
    setup.put("failPercent", failPercent);
    setup.put("updateThreads", updateThreads);
    setup.put("reportWindow", reportWindow);
    setup.put("engineTick", tick);
    setup.put(
        "devicesAre",
        "one HiveMQ MQTT 5 client each (shared Netty event loops) + the edge agent's UpdateClient,"
            + (fleetInProcess ? " all in the benchmark's JVM" : " all in one JVM of their own"));
    return setup;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
