package dev.tandem.sandbox.bench.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.sandbox.bench.BenchReport;
import dev.tandem.sandbox.registry.RolloutWatch;
import dev.tandem.trainer.registry.RegistryApi;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** Turns one rollout benchmark run into its JSON and table, and says whether it met its goal. */
final class RolloutBenchReport {
  /** Goal: 10,000 devices fully updated in at most this long on one machine. */
  static final double GOAL_SECONDS = 60;

  static final String CONTEXT =
      "AWS IoT Jobs rolls out at most 1,000 devices per minute (jobExecutionsRolloutConfig"
          + " maximumPerMinute, documented ceiling): 10,000 devices take at least 10 minutes there";

  /** The figures of one run. */
  record Run(
      int devices,
      int broken,
      int artifactBytes,
      double enrollSeconds,
      double connectSeconds,
      long createdNanos,
      RolloutWatch.Outcome outcome,
      StopCheck stop,
      SimulatedFleet fleet,
      long fleetCpuNanos,
      Map<String, Long> cpuNanos,
      long rssPeakBytes,
      long rssLifetimePeakBytes) {}

  private final Map<String, Object> setup;
  private final Run run;

  RolloutBenchReport(Map<String, Object> setup, Run run) {
    this.setup = setup;
    this.run = run;
  }

  private JsonNode rollout() {
    return run.outcome().last();
  }

  private String state() {
    return rollout().path("state").asText();
  }

  private double allActiveSeconds() {
    long at = run.outcome().allActiveNanos();
    return at == 0 ? -1 : (at - run.createdNanos()) / 1e9;
  }

  private double settledSeconds() {
    long at = run.outcome().settledNanos();
    return at == 0 ? -1 : (at - run.createdNanos()) / 1e9;
  }

  /** The first wave the rollout stopped, 0 if none did. */
  int stoppedWave() {
    for (JsonNode wave : rollout().path("waves")) {
      if ("STOPPED".equals(wave.path("phase").asText())) {
        return wave.path("number").asInt();
      }
    }
    return 0;
  }

  /** Without broken devices: completed with every device active; with them: stopped where due. */
  boolean passed() {
    if (run.broken() == 0) {
      return "COMPLETED".equals(state()) && run.outcome().allActiveNanos() != 0;
    }
    return run.stop().expectedWave() > 0
        && "PAUSED".equals(state())
        && stoppedWave() == run.stop().expectedWave();
  }

  BenchReport build() {
    var report = new BenchReport("rollout");
    ObjectNode setupNode = report.section("setup");
    setupNode.setAll(RegistryApi.json().<ObjectNode>valueToTree(setup));
    setupNode.put("brokenDevices", run.broken());
    setupNode.put("artifactBytes", run.artifactBytes());
    setupNode.put("enrollSeconds", round(run.enrollSeconds()));
    setupNode.put("connectSeconds", round(run.connectSeconds()));
    report.section("context").put("awsIotJobs", CONTEXT);

    ObjectNode result = report.section("result");
    result.put("rolloutId", rollout().path("id").asText());
    result.put("state", state());
    result.put("reason", rollout().path("reason").asText());
    result.put("createToAllActiveSeconds", round(allActiveSeconds()));
    result.put("createToSettledSeconds", round(settledSeconds()));
    result.set("devicesByState", rollout().path("devicesByState"));
    result.put("stoppedAtWave", stoppedWave());
    result.put("expectedStopWave", run.stop().expectedWave());
    result.put("passed", passed());

    ArrayNode waves = result.putArray("waves");
    Instant created = Instant.parse(rollout().path("createdAt").asText());
    for (JsonNode wave : rollout().path("waves")) {
      ObjectNode node = waves.addObject();
      int number = wave.path("number").asInt();
      node.put("number", number);
      node.put("size", wave.path("size").asInt());
      node.put("phase", wave.path("phase").asText());
      node.put("active", wave.path("active").asInt());
      node.put("failed", wave.path("failed").asInt());
      node.put("brokenDevices", run.stop().brokenPerWave().getOrDefault(number, 0));
      node.put("startedAfterSeconds", since(created, wave.path("startedAt")));
      node.put("updatingSeconds", between(wave.path("startedAt"), wave.path("bakingSince")));
      node.put("bakingSinceAfterSeconds", since(created, wave.path("bakingSince")));
      node.put("finishedAfterSeconds", since(created, wave.path("finishedAt")));
      node.put("reason", wave.path("reason").asText());
      report.row(
          "wave %d (%d devices) updating".formatted(number, wave.path("size").asInt()),
          seconds(between(wave.path("startedAt"), wave.path("bakingSince"))),
          "",
          true);
    }

    SimulatedFleet devices = run.fleet();
    ObjectNode deviceSide = report.section("devices");
    deviceSide.put("desiredStatesReceived", devices.desiredReceived());
    deviceSide.put("activeReports", devices.activeReports());
    deviceSide.put("failedReports", devices.failedReports());
    deviceSide.set("failureCodes", RegistryApi.json().valueToTree(devices.failureCodes()));
    deviceSide.put("reportPublishFailures", devices.publishFailures());
    long downloaded = devices.downloadedBytes();
    long fetchers = Math.max(1, devices.activeReports() + devices.failedReports());
    deviceSide.put("downloadedBytes", downloaded);
    deviceSide.put("httpResponses", devices.httpResponses());
    deviceSide.put("bytesPerUpdatedDevice", downloaded / fetchers);

    ObjectNode cpu = report.section("cpuSeconds");
    run.cpuNanos().forEach((part, nanos) -> cpu.put(part, round(nanos / 1e9)));
    if (run.fleetCpuNanos() >= 0) {
      cpu.put("simulated devices JVM", round(run.fleetCpuNanos() / 1e9));
    }
    double window = Math.max(settledSeconds(), 0.001);
    double registryCpu = run.cpuNanos().getOrDefault("cloud-registry", 0L) / 1e9;
    ObjectNode controlPlane = report.section("controlPlane");
    controlPlane.put("cpuSeconds", round(registryCpu));
    controlPlane.put("averageCores", round(registryCpu / window));
    controlPlane.put("rssPeakMiB", run.rssPeakBytes() >> 20);
    controlPlane.put("rssLifetimePeakMiB", run.rssLifetimePeakBytes() >> 20);

    if (run.broken() == 0) {
      double all = allActiveSeconds();
      report.row(
          "create -> %,d devices ACTIVE".formatted(run.devices()),
          seconds(all),
          "<= 60 s (10,000)",
          all >= 0 && all <= GOAL_SECONDS);
    } else {
      report.row(
          "stopped at wave (expected)",
          "%d (%d)".formatted(stoppedWave(), run.stop().expectedWave()),
          "first over " + "threshold",
          passed());
      report.row("state", state(), "PAUSED", "PAUSED".equals(state()));
    }
    report.row("create -> settled (" + state() + ")", seconds(settledSeconds()), "", true);
    report.row(
        "bytes downloaded per updated device", Long.toString(downloaded / fetchers), "", true);
    report.row(
        "control plane CPU (avg cores)",
        String.format(Locale.ROOT, "%.1f s (%.2f)", registryCpu, registryCpu / window),
        "",
        true);
    report.row("control plane RSS peak", (run.rssPeakBytes() >> 20) + " MiB", "", true);
    report.row("AWS IoT Jobs, 10,000 devices", ">= 600 s", "(context)", true);
    return report;
  }

  private static double since(Instant created, JsonNode at) {
    return at.isTextual()
        ? round(Duration.between(created, Instant.parse(at.asText())).toMillis() / 1e3)
        : -1;
  }

  private static double between(JsonNode from, JsonNode to) {
    if (!from.isTextual() || !to.isTextual()) {
      return -1;
    }
    return round(
        Duration.between(Instant.parse(from.asText()), Instant.parse(to.asText())).toMillis()
            / 1e3);
  }

  private static String seconds(double value) {
    return value < 0 ? "-" : String.format(Locale.ROOT, "%.1f s", value);
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
