package dev.tandem.sandbox.bench.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.sandbox.bench.BenchReport;
import java.util.Locale;

/**
 * The baseline of the same run: the control plane answering only its liveness probe with the same
 * users and client. The machine is shared and noisy, so the fleet's reads are also given as a share
 * of what the HTTP stack and framework alone sustain at that moment.
 */
record FrameworkFloor(LoadRun.Result result, CpuMeter meter) {

  void addTo(BenchReport report, LoadRun.Result fleet) {
    Latencies liveness = result.perEndpoint().get(Endpoint.LIVENESS_FLOOR);
    if (liveness == null) {
      throw new IllegalStateException("the baseline run answered no liveness probe");
    }
    double floorRps = liveness.count() / result.seconds();
    double registryCpu =
        result.requests() == 0
            ? 0
            : meter.used().getOrDefault("cloud-registry", 0L) / 1e6 / result.requests();
    double share = floorRps == 0 ? 0 : fleet.deviceFacingPerSecond() / floorRps;
    ObjectNode node = report.section("baseline");
    node.put("endpoint", "GET /q/health/live");
    node.put("requestsPerSecond", Math.round(floorRps * 10) / 10.0);
    node.put("p50Ms", liveness.percentileMillis(50));
    node.put("p99Ms", liveness.percentileMillis(99));
    node.put("errors", liveness.errors());
    node.put("controlPlaneCpuMsPerRequest", Math.round(registryCpu * 1000) / 1000.0);
    node.put("deviceFacingShareOfFloor", Math.round(share * 1000) / 1000.0);
    report.row("baseline: liveness probe req/s", "%.0f".formatted(floorRps), "", true);
    report.row(
        "baseline: liveness p50 / p99",
        String.format(
            Locale.ROOT,
            "%.2f / %.2f ms",
            liveness.percentileMillis(50),
            liveness.percentileMillis(99)),
        "",
        true);
    report.row(
        "device-facing req/s / liveness req/s",
        String.format(Locale.ROOT, "%.2f", share),
        "",
        true);
  }
}
