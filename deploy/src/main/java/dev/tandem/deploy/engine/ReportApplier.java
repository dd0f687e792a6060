package dev.tandem.deploy.engine;

import dev.tandem.deploy.health.HealthCounters;
import dev.tandem.deploy.port.DeviceRecord;
import dev.tandem.deploy.spec.RetryPolicy;
import dev.tandem.deploy.state.DeviceUpdateState;
import dev.tandem.deploy.state.RolloutState;
import java.time.Instant;
import java.util.Objects;

/**
 * Applies device reports to a rollout. Reports are news, not commands: one that is stale (a step
 * behind what is known), duplicated, or for another version is ignored, never an error.
 */
final class ReportApplier {
  /** What happened to a report. */
  enum Outcome {
    APPLIED,
    IGNORED
  }

  private ReportApplier() {}

  static Outcome update(RolloutRun run, UpdateReport report) {
    DeviceRecord device = run.device(report.deviceId());
    String version = run.record().spec().version();
    if (device == null
        || !version.equals(report.version())
        || !run.record().spec().model().equals(report.model())
        || run.state() == RolloutState.ROLLING_BACK
        || run.state() == RolloutState.ROLLED_BACK) {
      return Outcome.IGNORED;
    }
    DeviceUpdateState from = device.state();
    DeviceUpdateState to = report.step().state();
    boolean behind = from.inFlight() && to.inFlight() && to.ordinal() <= from.ordinal();
    if (from == to || behind || !from.canMoveTo(to)) {
      return Outcome.IGNORED;
    }
    String reason =
        report.reason().isEmpty()
            ? "device reported " + report.step()
            : "device reported " + report.step() + ": " + report.reason();
    device = run.moveDevice(device, to, reason, report.at());
    if (to == DeviceUpdateState.FAILED || to == DeviceUpdateState.REVERTED) {
      scheduleRetry(run, device, report.at());
    }
    return Outcome.APPLIED;
  }

  /** Puts a failed device in RETRY_WAIT if it has retries left. */
  static void scheduleRetry(RolloutRun run, DeviceRecord device, Instant now) {
    RetryPolicy retry = run.record().spec().strategy().retry();
    int retriesUsed = Math.max(0, device.attempts() - 1);
    if (retriesUsed >= retry.maxRetries()) {
      return;
    }
    Instant at = now.plus(retry.backoff(retriesUsed + 1));
    run.put(
        device
            .moved(
                DeviceUpdateState.RETRY_WAIT,
                "retry " + (retriesUsed + 1) + " of " + retry.maxRetries() + " at " + at,
                now)
            .retryingAt(at));
  }

  static void state(RolloutRun run, StateReport report) {
    DeviceRecord device = run.device(report.deviceId());
    if (device == null) {
      return;
    }
    String version = run.record().spec().version();
    String reported = report.modelVersions().get(run.record().spec().model());
    run.lastReportAt.put(device.deviceId(), report.at());
    if (!Objects.equals(reported, device.reportedVersion())) {
      device = run.put(device.reporting(reported));
    }
    HealthCounters now = HealthCounters.of(report.counters());
    HealthCounters before = run.lastCounters.put(device.deviceId(), now);
    if (before != null) {
      HealthCounters delta = now.since(before);
      if (version.equals(reported)) {
        run.candidate.add(delta);
      } else {
        run.incumbent.add(delta);
        run.baseline.add(delta);
      }
    }
    if (version.equals(reported)
        && (device.state().inFlight() || device.state() == DeviceUpdateState.TIMED_OUT)
        && run.state() != RolloutState.ROLLING_BACK) {
      // Reports can be lost; what the device says it runs settles it.
      run.moveDevice(
          device, DeviceUpdateState.ACTIVE, "device reports running " + version, report.at());
    }
  }
}
