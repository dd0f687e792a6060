package dev.tandem.deploy.health;

import dev.tandem.deploy.spec.HealthGateSpec;
import java.util.Locale;
import java.util.Objects;

/**
 * Judges the devices on the new version against those on the old one. The old cohort is the devices
 * of the rollout still on the old version over the same window; when too few of them are left (the
 * last wave), the old cohort's numbers from before the wave stand in for them.
 */
public final class HealthGate {
  private final HealthGateSpec spec;

  public HealthGate(HealthGateSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
  }

  /**
   * The verdict.
   *
   * @param candidate the new version's cohort over the bake window
   * @param incumbent the old version's cohort over the same window
   * @param baseline the old version's cohort since the rollout started
   */
  public GateVerdict judge(CohortStats candidate, CohortStats incumbent, CohortStats baseline) {
    long min = Math.max(1, spec.minInferences());
    if (candidate.inferences() < min) {
      return insufficient(
          "the new version ran " + candidate.inferences() + " inferences, fewer than " + min);
    }
    CohortStats old = incumbent.inferences() >= min ? incumbent : baseline;
    String against = old == incumbent ? "the old" : "the old before this wave";
    if (old.inferences() < min) {
      return insufficient(
          "the old version ran " + old.inferences() + " inferences, fewer than " + min);
    }
    double oldLatency = old.meanLatencyMicros();
    double newLatency = candidate.meanLatencyMicros();
    if (newLatency > oldLatency * (1 + spec.maxLatencyIncrease())) {
      return GateVerdict.fail(
          format(
              "mean latency %.2f ms on the new version vs %.2f ms on %s: %s > +%.0f%%",
              newLatency / 1000,
              oldLatency / 1000,
              against,
              oldLatency == 0
                  ? "more"
                  : String.format(Locale.ROOT, "+%.0f%%", 100 * (newLatency / oldLatency - 1)),
              100 * spec.maxLatencyIncrease()));
    }
    double errorIncrease = candidate.errorRate() - old.errorRate();
    if (errorIncrease > spec.maxErrorRateIncrease()) {
      return GateVerdict.fail(
          format(
              "error rate %.2f%% on the new version vs %.2f%% on %s: +%.2f points > +%.2f",
              100 * candidate.errorRate(),
              100 * old.errorRate(),
              against,
              100 * errorIncrease,
              100 * spec.maxErrorRateIncrease()));
    }
    double anomalyChange = candidate.anomalyRate() - old.anomalyRate();
    if (Math.abs(anomalyChange) > spec.maxAnomalyRateChange()) {
      return GateVerdict.fail(
          format(
              "anomaly rate %.2f%% on the new version vs %.2f%% on %s: %+.2f points, more than"
                  + " %.2f either way",
              100 * candidate.anomalyRate(),
              100 * old.anomalyRate(),
              against,
              100 * anomalyChange,
              100 * spec.maxAnomalyRateChange()));
    }
    return GateVerdict.pass(
        format(
            "healthy: new version %s; %s version %s",
            candidate, old == incumbent ? "old" : "old (before this wave)", old));
  }

  private GateVerdict insufficient(String why) {
    return spec.requireHealthData()
        ? GateVerdict.fail("not enough health data: " + why)
        : GateVerdict.pass("passed without judging health: " + why);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
