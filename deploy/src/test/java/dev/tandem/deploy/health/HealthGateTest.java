package dev.tandem.deploy.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.deploy.spec.HealthGateSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthGateTest {
  private static CohortStats cohort(long inferences, long errors, long latencyUs, long anomalies) {
    CohortStats stats = new CohortStats();
    stats.add(new HealthCounters(inferences, errors, latencyUs, anomalies));
    return stats;
  }

  private final HealthGate gate = new HealthGate(new HealthGateSpec(0.2, 0.01, 0.05, 10, false));

  @Test
  void withinToleranceOfTheOldVersionPasses() {
    GateVerdict verdict =
        gate.judge(cohort(100, 1, 110_000, 5), cohort(100, 0, 100_000, 5), new CohortStats());
    assertThat(verdict.passed()).isTrue();
  }

  @Test
  void theBaselineStandsInWhenNoOldDevicesAreLeft() {
    GateVerdict verdict =
        gate.judge(cohort(100, 0, 500_000, 5), new CohortStats(), cohort(100, 0, 100_000, 5));
    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.reason())
        .isEqualTo(
            "mean latency 5.00 ms on the new version vs 1.00 ms on the old before this wave: +400%"
                + " > +20%");
  }

  @Test
  void tooFewInferencesPassWithoutJudgingUnlessRequired() {
    GateVerdict verdict = gate.judge(cohort(3, 3, 0, 0), cohort(100, 0, 100, 0), new CohortStats());
    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.reason())
        .isEqualTo(
            "passed without judging health: the new version ran 3 inferences, fewer than 10");
  }

  @Test
  void countersThatWentDownMeanARestart() {
    HealthCounters before = HealthCounters.of(Map.of("inferences", 500L, "anomalies", 9L));
    HealthCounters after = HealthCounters.of(Map.of("inferences", 20L, "anomalies", 1L));
    assertThat(after.since(before)).isEqualTo(new HealthCounters(20, 0, 0, 1));
    assertThat(
            HealthCounters.of(Map.of("inferences", 700L, "anomalies", 9L))
                .since(before)
                .inferences())
        .isEqualTo(200);
  }
}
