package dev.tandem.deploy.engine;

import static dev.tandem.deploy.engine.Harness.NEW;
import static dev.tandem.deploy.engine.Harness.OLD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.deploy.port.DesiredChange;
import dev.tandem.deploy.spec.HealthGateSpec;
import dev.tandem.deploy.spec.OnFailure;
import dev.tandem.deploy.spec.WavePlan;
import dev.tandem.deploy.state.RolloutState;
import dev.tandem.deploy.state.WavePhase;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Waves advance only when the new version is as healthy as the old, from counter deltas. */
class HealthGatedWavesTest {
  private final Harness h = new Harness(new FakeFleet().add("line-1", "x86-cpu", 20, "d", OLD));

  private String startAndActivateFirstWave(OnFailure onFailure) {
    var strategy = new Harness.StrategyBuilder();
    strategy.waves = new WavePlan(WavePlan.Kind.PERCENT, List.of(50, 100));
    strategy.gate = new HealthGateSpec(0.25, 0.01, 0.05, 100, true);
    strategy.onFailure = onFailure;
    String id = h.create(strategy).id();
    h.tick();
    h.activateSent(id);
    h.tick();
    assertThat(h.engine.view(id).waves().get(0).wave().phase()).isEqualTo(WavePhase.BAKING);
    return id;
  }

  /** Two state reports per device, 100 inferences apart, at the given latency and error count. */
  private void reportHealth(String id, long newLatencyUs, long newErrors, long newAnomalies) {
    Set<String> updated = new HashSet<>();
    h.engine.devices(id).stream()
        .filter(d -> d.state() == dev.tandem.deploy.state.DeviceUpdateState.ACTIVE)
        .forEach(d -> updated.add(d.deviceId()));
    for (int round = 1; round <= 2; round++) {
      for (var d : h.engine.devices(id)) {
        boolean isNew = updated.contains(d.deviceId());
        long n = 100L * round;
        h.state(
            d.deviceId(),
            isNew ? NEW : OLD,
            1000 + n,
            isNew ? newErrors * round : 0,
            n * (isNew ? newLatencyUs : 5_000),
            n * (isNew ? newAnomalies : 2) / 100);
      }
      h.clock.advance(Duration.ofSeconds(20));
      h.tick();
    }
  }

  @Test
  void aHealthyWaveAdvances() {
    String id = startAndActivateFirstWave(OnFailure.PAUSE);
    reportHealth(id, 5_500, 0, 2);
    h.clock.advance(Duration.ofSeconds(20));
    h.tick();
    RolloutView view = h.engine.view(id);
    assertThat(view.waves().get(0).wave().phase()).isEqualTo(WavePhase.PASSED);
    assertThat(view.waves().get(0).wave().reason())
        .startsWith("healthy: new version 1000 inferences");
    assertThat(h.publisher.take()).extracting(DesiredChange::version).containsOnly(NEW).hasSize(10);
  }

  @Test
  void slowerNewVersionPausesTheRolloutAndSaysWhy() {
    String id = startAndActivateFirstWave(OnFailure.PAUSE);
    reportHealth(id, 9_000, 0, 2);
    h.clock.advance(Duration.ofSeconds(20));
    h.tick();
    RolloutView view = h.engine.view(id);
    assertThat(view.rollout().state()).isEqualTo(RolloutState.PAUSED);
    assertThat(view.rollout().reason())
        .isEqualTo(
            "wave 1 failed its health gate: mean latency 9.00 ms on the new version vs 5.00 ms on"
                + " the old: +80% > +25%");
    assertThat(view.health().newVersion().meanLatencyMs()).isEqualTo(9.0);
    assertThat(view.health().oldVersion().meanLatencyMs()).isEqualTo(5.0);
  }

  @Test
  void moreErrorsRollBack() {
    String id = startAndActivateFirstWave(OnFailure.ROLLBACK);
    reportHealth(id, 5_000, 5, 2);
    h.clock.advance(Duration.ofSeconds(20));
    h.tick();
    RolloutView view = h.engine.view(id);
    assertThat(view.rollout().state()).isEqualTo(RolloutState.ROLLED_BACK);
    assertThat(view.history())
        .anySatisfy(
            e ->
                assertThat(e.reason())
                    .startsWith("wave 1 failed its health gate: error rate 5.00% on the new"));
  }

  @Test
  void anomalyRateShiftEitherWayFails() {
    String id = startAndActivateFirstWave(OnFailure.FAIL);
    reportHealth(id, 5_000, 0, 50);
    h.clock.advance(Duration.ofSeconds(20));
    h.tick();
    RolloutView view = h.engine.view(id);
    assertThat(view.rollout().state()).isEqualTo(RolloutState.FAILED);
    assertThat(view.rollout().reason()).contains("anomaly rate 50.00% on the new version vs 2.00%");
  }

  @Test
  void withoutHealthDataAGateThatRequiresItFails() {
    String id = startAndActivateFirstWave(OnFailure.PAUSE);
    h.clock.advance(Duration.ofMinutes(1));
    h.tick();
    assertThat(h.engine.view(id).rollout().reason())
        .isEqualTo(
            "wave 1 failed its health gate: not enough health data: the new version ran 0"
                + " inferences, fewer than 100");
  }
}
