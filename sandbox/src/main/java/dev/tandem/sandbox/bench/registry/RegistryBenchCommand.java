package dev.tandem.sandbox.bench.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.sandbox.bench.BenchReport;
import dev.tandem.sandbox.config.DurationOption;
import dev.tandem.sandbox.run.PrivateSandbox;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./tandem bench registry}: a private sandbox (no fleet), seeded through the API, then a
 * read-heavy closed-loop load from this JVM: devices fetching their desired state and artifact
 * URLs, operators listing models.
 */
@Command(
    name = "registry",
    mixinStandardHelpOptions = true,
    description = "Control plane: device-facing reads per second and their latency.")
public final class RegistryBenchCommand implements Callable<Integer> {
  static final double GOAL_RPS = 3000;
  static final double GOAL_P99_MS = 20;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the JSON here.")
  Path json;

  @Option(names = "--devices", defaultValue = "1000", description = "Enrolled devices.")
  int devices;

  @Option(names = "--versions", defaultValue = "4", description = "Model versions (2 variants).")
  int versions;

  @Option(
      names = "--users",
      defaultValue = "16",
      description = "Requests in flight at all times (closed loop).")
  int users;

  @Option(names = "--warmup", defaultValue = "15s", description = "Warm-up, not measured.")
  String warmUp;

  @Option(names = "--duration", defaultValue = "30s", description = "Measured window.")
  String duration;

  @Option(names = "--device-share", defaultValue = "70", description = "% desired-state reads.")
  int deviceShare;

  @Option(names = "--url-share", defaultValue = "20", description = "% artifact-URL reads.")
  int urlShare;

  @Option(
      names = "--baseline-duration",
      defaultValue = "10s",
      description = "Measured window of the baseline run on the liveness probe, after the load.")
  String baselineDuration;

  @Override
  public Integer call() throws Exception {
    PrintStream progress = System.err;
    try (PrivateSandbox platform = PrivateSandbox.start("tandem-bench-registry-", progress)) {
      var registry = platform.sandbox().registry();
      var admin = platform.admin();
      long seedStart = System.nanoTime();
      Seed seed = new Seeder(admin).seed(versions, devices);
      progress.printf(
          "seeded %d versions, %d devices in %.1f s%n",
          versions, devices, (System.nanoTime() - seedStart) / 1e9);
      Path dataDir = platform.sandbox().config().dataDir();
      var fleetLoad =
          new LoadRun(
              registry.baseUri(),
              RequestMix.fleet(seed, deviceShare, urlShare),
              users,
              DurationOption.parse("--warmup", warmUp),
              DurationOption.parse("--duration", duration));
      progress.printf("load: %d users, warm-up %s, measuring %s%n", users, warmUp, duration);
      CpuMeter meter = new CpuMeter(registry.pid(), dataDir);
      LoadRun.Result fleet = fleetLoad.run(meter);
      BenchReport report = report(fleet, meter);
      // The server is warm by now: a short warm-up only settles the connections.
      var floorLoad =
          new LoadRun(
              registry.baseUri(),
              RequestMix.frameworkFloor(seed),
              users,
              Duration.ofSeconds(3),
              DurationOption.parse("--baseline-duration", baselineDuration));
      progress.printf(
          "baseline: %d users on the liveness probe, measuring %s%n", users, baselineDuration);
      CpuMeter floorMeter = new CpuMeter(registry.pid(), dataDir);
      new FrameworkFloor(floorLoad.run(floorMeter), floorMeter).addTo(report, fleet);
      report.print(json);
      return 0;
    }
  }

  private BenchReport report(LoadRun.Result result, CpuMeter meter) {
    var report = new BenchReport("registry");
    ObjectNode setup = report.section("setup");
    setup.put("devices", devices);
    setup.put("versions", versions);
    setup.put("variantsPerVersion", 2);
    setup.put("users", users);
    setup.put("warmUp", warmUp);
    setup.put("duration", duration);
    setup.put(
        "mix",
        "%d%% desired, %d%% artifact URL, %d%% list models"
            .formatted(deviceShare, urlShare, 100 - deviceShare - urlShare));
    setup.put(
        "client",
        "Vert.x HttpClient on one event loop, HTTP/1.1 keep-alive, closed loop, same machine");
    ObjectNode endpoints = report.section("endpoints");
    long total = result.requests();
    long errors = 0;
    double worstDeviceP99 = 0;
    for (Map.Entry<Endpoint, Latencies> entry : result.perEndpoint().entrySet()) {
      Endpoint endpoint = entry.getKey();
      Latencies latencies = entry.getValue();
      double rps = latencies.count() / result.seconds();
      double p50 = latencies.percentileMillis(50);
      double p99 = latencies.percentileMillis(99);
      ObjectNode node = endpoints.putObject(endpoint.label());
      node.put("requests", latencies.count());
      node.put("requestsPerSecond", round(rps));
      node.put("p50Ms", p50);
      node.put("p99Ms", p99);
      node.put("errors", latencies.errors());
      errors += latencies.errors();
      if (endpoint.deviceFacing()) {
        worstDeviceP99 = Math.max(worstDeviceP99, p99);
      }
      report.row(endpoint.label() + " req/s", "%.0f".formatted(rps), "", true);
      report.row(
          endpoint.label() + " p50 / p99",
          String.format(Locale.ROOT, "%.2f / %.2f ms", p50, p99),
          endpoint.deviceFacing() ? "p99 <= 20 ms" : "",
          p99 <= GOAL_P99_MS);
    }
    double deviceRps = result.deviceFacingPerSecond();
    ObjectNode summary = report.section("summary");
    summary.put("requestsPerSecond", round(total / result.seconds()));
    summary.put("deviceFacingRequestsPerSecond", round(deviceRps));
    summary.put("deviceFacingWorstP99Ms", worstDeviceP99);
    summary.put("errors", errors);
    ObjectNode cpu = report.section("cpuMsPerRequest");
    double totalCpu = 0;
    for (Map.Entry<String, Long> part : meter.used().entrySet()) {
      double perRequest = total == 0 ? 0 : part.getValue() / 1e6 / total;
      totalCpu += perRequest;
      cpu.put(part.getKey(), Math.round(perRequest * 1000) / 1000.0);
      report.row(
          "CPU per request: " + part.getKey(),
          String.format(Locale.ROOT, "%.3f ms", perRequest),
          "",
          true);
    }
    // What the server side (control plane and database) alone would sustain on two free cores.
    double serverCpu = cpu.path("cloud-registry").asDouble() + cpu.path("postgres").asDouble();
    double twoCoreCapacity = serverCpu == 0 ? 0 : 2000 / serverCpu;
    summary.put("serverCpuMsPerRequest", Math.round(serverCpu * 1000) / 1000.0);
    summary.put("serverCapacityOnTwoFreeCoresRps", Math.round(twoCoreCapacity));
    summary.put("totalCpuMsPerRequest", Math.round(totalCpu * 1000) / 1000.0);
    report.row(
        "server side on 2 free cores (est.) req/s", "%.0f".formatted(twoCoreCapacity), "", true);
    report.row("all requests req/s", "%.0f".formatted(total / result.seconds()), "", true);
    report.row(
        "device-facing req/s", "%.0f".formatted(deviceRps), ">= 3000", deviceRps >= GOAL_RPS);
    report.row("errors", Long.toString(errors), "0", errors == 0);
    return report;
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
