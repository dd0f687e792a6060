package dev.tandem.deploy.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpecTest {
  @Test
  void percentWavesSplitTheFleetCumulatively() {
    WavePlan plan = new WavePlan(WavePlan.Kind.PERCENT, List.of(1, 10, 50, 100));
    assertThat(plan.cumulative(10_000)).containsExactly(100, 1000, 5000, 10_000);
    assertThat(plan.cumulative(3)).containsExactly(1, 2, 3, 3);
    assertThat(plan.cumulative(0)).containsExactly(0, 0, 0, 0);
  }

  @Test
  void countWavesEndWithEveryDevice() {
    WavePlan plan = new WavePlan(WavePlan.Kind.COUNT, List.of(5, 50));
    assertThat(plan.cumulative(20)).containsExactly(5, 20);
  }

  @Test
  void badWavesNameTheStep() {
    assertThatThrownBy(() -> new WavePlan(WavePlan.Kind.PERCENT, List.of(10, 10)))
        .isInstanceOfSatisfying(
            SpecException.class, e -> assertThat(e.field()).isEqualTo("strategy.waves.steps[1]"))
        .hasMessage("strategy.waves.steps[1]: must be above the step before, got 10");
    assertThatThrownBy(() -> new WavePlan(WavePlan.Kind.PERCENT, List.of(50, 150)))
        .hasMessage("strategy.waves.steps[1]: a percentage must be at most 100");
  }

  @Test
  void badStrategyFieldsAreNamed() {
    assertThatThrownBy(
            () ->
                new Strategy(
                    WavePlan.allAtOnce(),
                    1.5,
                    0.1,
                    Duration.ZERO,
                    0,
                    Optional.empty(),
                    OnFailure.PAUSE,
                    Duration.ofMinutes(1),
                    RetryPolicy.DEFAULT,
                    HealthGateSpec.DEFAULT))
        .isInstanceOfSatisfying(
            SpecException.class, e -> assertThat(e.field()).isEqualTo("strategy.successThreshold"));
    assertThatThrownBy(
            () ->
                new RolloutSpec(
                    "Bad Name",
                    "1.0",
                    Map.of("x86", "fp32"),
                    "",
                    Strategy.defaults(WavePlan.allAtOnce())))
        .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.field()).isEqualTo("model"));
  }

  @Test
  void timeWindowWrapsMidnightAndKnowsItsDays() {
    TimeWindow nights = new TimeWindow(22, 4, Set.of(DayOfWeek.MONDAY));
    assertThat(nights.allows(Instant.parse("2026-11-23T23:00:00Z"))).isTrue(); // Monday night
    assertThat(nights.allows(Instant.parse("2026-11-24T03:59:00Z"))).isTrue(); // still Monday's
    assertThat(nights.allows(Instant.parse("2026-11-24T04:00:00Z"))).isFalse();
    assertThat(nights.allows(Instant.parse("2026-11-24T23:00:00Z"))).isFalse(); // Tuesday
    assertThat(new TimeWindow(9, 17, Set.of()).allows(Instant.parse("2026-11-29T10:00:00Z")))
        .isTrue();
  }

  @Test
  void retryBackoffDoublesUpToItsMaximum() {
    RetryPolicy retry = new RetryPolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(1));
    assertThat(retry.backoff(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(retry.backoff(2)).isEqualTo(Duration.ofMinutes(1));
    assertThat(retry.backoff(5)).isEqualTo(Duration.ofMinutes(1));
  }
}
