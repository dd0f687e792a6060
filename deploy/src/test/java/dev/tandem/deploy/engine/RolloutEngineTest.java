package dev.tandem.deploy.engine;

import static dev.tandem.deploy.engine.Harness.NEW;
import static dev.tandem.deploy.engine.Harness.OLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.deploy.port.DesiredChange;
import dev.tandem.deploy.spec.OnFailure;
import dev.tandem.deploy.spec.RetryPolicy;
import dev.tandem.deploy.spec.TimeWindow;
import dev.tandem.deploy.spec.WavePlan;
import dev.tandem.deploy.state.DeviceUpdateState;
import dev.tandem.deploy.state.IllegalTransitionException;
import dev.tandem.deploy.state.RolloutState;
import dev.tandem.deploy.state.WavePhase;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RolloutEngineTest {

  private final Harness h = new Harness(new FakeFleet().add("line-1", "x86-cpu", 100, "d", OLD));

  @Test
  void wavesAdvanceThroughPercentagesToCompleted() {
    String id = h.create(new Harness.StrategyBuilder()).id();
    assertThat(h.engine.view(id).rollout().state()).isEqualTo(RolloutState.CREATED);

    h.tick();
    List<String> first = h.activateSent(id);
    assertThat(first).hasSize(10);
    assertThat(h.engine.view(id).rollout().state()).isEqualTo(RolloutState.RUNNING);

    h.tick();
    assertThat(h.engine.view(id).waves().get(0).wave().phase()).isEqualTo(WavePhase.BAKING);
    assertThat(h.publisher.published).as("nothing more while wave 1 bakes").isEmpty();

    h.clock.advance(Duration.ofMinutes(1));
    h.tick();
    List<String> second = h.activateSent(id);
    assertThat(second).hasSize(40).doesNotContainAnyElementsOf(first);
    h.tick();
    h.clock.advance(Duration.ofMinutes(1));
    h.tick();
    assertThat(h.activateSent(id)).hasSize(50);
    h.tick();
    h.clock.advance(Duration.ofMinutes(1));
    h.tick();

    RolloutView view = h.engine.view(id);
    assertThat(view.rollout().state()).isEqualTo(RolloutState.COMPLETED);
    assertThat(view.rollout().reason()).isEqualTo("all 3 waves passed");
    assertThat(view.byState().get(DeviceUpdateState.ACTIVE)).isEqualTo(100);
    assertThat(view.waves()).extracting(w -> w.wave().phase()).containsOnly(WavePhase.PASSED);
    assertThat(view.history())
        .extracting(e -> e.subject() + ":" + e.to())
        .containsSubsequence(
            "rollout:CREATED",
            "rollout:RUNNING",
            "wave 1:BAKING",
            "wave 1:PASSED",
            "wave 3:PASSED",
            "rollout:COMPLETED");
  }

  @Test
  void desiredCarriesRolloutVersionAndVariant() {
    String id = h.create(new Harness.StrategyBuilder()).id();
    h.tick();
    DesiredChange change = h.publisher.published.get(0);
    assertThat(change.rolloutId()).isEqualTo(id);
    assertThat(change.version()).isEqualTo(NEW);
    assertThat(change.variant()).isEqualTo("fp32");
    assertThat(change.hardwareClass()).isEqualTo("x86-cpu");
  }

  @Test
  void failuresOverTheThresholdPauseAtTheFirstWave() {
    var strategy = new Harness.StrategyBuilder();
    strategy.waves = new WavePlan(WavePlan.Kind.PERCENT, List.of(20, 100));
    strategy.failure = 0.1;
    String id = h.create(strategy).id();
    h.tick();
    List<String> sent = h.publisher.take().stream().map(DesiredChange::deviceId).toList();
    for (int i = 0; i < 3; i++) {
      h.report(sent.get(i), id, ReportedStep.FAILED, "HEALTH_CHECK_FAILED");
    }
    h.tick();

    RolloutView view = h.engine.view(id);
    assertThat(view.rollout().state()).isEqualTo(RolloutState.PAUSED);
    assertThat(view.rollout().reason())
        .isEqualTo("wave 1: 3 of 20 devices failed (15.0%), over the failure threshold of 10.0%");
    assertThat(view.waves().get(0).wave().phase()).isEqualTo(WavePhase.STOPPED);
    assertThat(view.waves().get(1).wave().phase()).isEqualTo(WavePhase.PENDING);
    assertThat(h.device(id, sent.get(0)).reason())
        .isEqualTo("device reported FAILED: HEALTH_CHECK_FAILED");

    h.clock.advance(Duration.ofHours(1));
    h.tick();
    assertThat(h.publisher.published).as("a paused rollout sends nothing").isEmpty();
  }

  @Test
  void failuresWithRollbackSendThePreviousVersionToTouchedDevicesOnly() {
    var strategy = new Harness.StrategyBuilder();
    strategy.onFailure = OnFailure.ROLLBACK;
    strategy.failure = 0.0;
    String id = h.create(strategy).id();
    h.tick();
    List<String> sent = h.publisher.take().stream().map(DesiredChange::deviceId).toList();
    h.report(sent.get(0), id, ReportedStep.REVERTED, "LATENCY_BUDGET");
    h.tick();

    RolloutView view = h.engine.view(id);
    assertThat(view.rollout().state()).isEqualTo(RolloutState.ROLLED_BACK);
    assertThat(view.history())
        .extracting(e -> e.to())
        .containsSubsequence("ROLLING_BACK", "ROLLED_BACK");
    List<DesiredChange> back = h.publisher.take();
    assertThat(back).extracting(DesiredChange::deviceId).containsExactlyInAnyOrderElementsOf(sent);
    assertThat(back).extracting(DesiredChange::version).containsOnly(OLD);
    assertThat(view.byState().get(DeviceUpdateState.ROLLED_BACK)).isEqualTo(10);
    assertThat(view.byState().get(DeviceUpdateState.PENDING)).isEqualTo(90);
    assertThat(h.engine.drives(id)).isFalse();
  }

  @Test
  void operatorPausesResumesAndAborts() {
    String id = h.create(new Harness.StrategyBuilder()).id();
    h.tick();
    h.activateSent(id);
    RolloutView paused = h.engine.pause(id, "bob");
    assertThat(paused.rollout().state()).isEqualTo(RolloutState.PAUSED);
    assertThat(paused.rollout().reason()).isEqualTo("paused by bob");

    h.clock.advance(Duration.ofMinutes(5));
    h.tick();
    assertThat(h.publisher.published).isEmpty();
    assertThatThrownBy(() -> h.engine.pause(id, "bob"))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("a rollout cannot go from PAUSED to PAUSED");

    h.engine.resume(id, "bob");
    h.tick(); // wave 1 bakes again from the start
    assertThat(h.publisher.published).isEmpty();
    h.clock.advance(Duration.ofMinutes(1));
    h.tick();
    assertThat(h.publisher.take()).hasSize(40);

    RolloutView aborted = h.engine.abort(id, "carol");
    assertThat(aborted.rollout().state()).isEqualTo(RolloutState.ABORTED);
    assertThat(aborted.waves().get(1).wave().phase()).isEqualTo(WavePhase.STOPPED);
    assertThatThrownBy(() -> h.engine.resume(id, "carol"))
        .isInstanceOf(IllegalTransitionException.class);
    h.tick();
    assertThat(h.publisher.published).isEmpty();
  }

  @Test
  void resumeAcceptsFailuresSoFar() {
    var strategy = new Harness.StrategyBuilder();
    strategy.success = 0.8;
    String id = h.create(strategy).id();
    h.tick();
    List<String> sent = h.publisher.take().stream().map(DesiredChange::deviceId).toList();
    h.report(sent.get(0), id, ReportedStep.FAILED, "DISK_FULL");
    h.report(sent.get(1), id, ReportedStep.FAILED, "DISK_FULL");
    sent.subList(2, 10).forEach(d -> h.report(d, id, ReportedStep.ACTIVE, ""));
    h.tick();
    assertThat(h.engine.view(id).rollout().state()).isEqualTo(RolloutState.PAUSED);

    h.engine.resume(id, "bob");
    h.tick();
    assertThat(h.engine.view(id).rollout().state()).isEqualTo(RolloutState.RUNNING);
    assertThat(h.engine.view(id).waves().get(0).wave().phase()).isEqualTo(WavePhase.BAKING);
  }

  @Test
  void operatorRollbackOfACompletedRollout() {
    var strategy = new Harness.StrategyBuilder();
    strategy.waves = WavePlan.allAtOnce();
    strategy.bake = Duration.ZERO;
    String id = h.create(strategy).id();
    h.tick();
    h.activateSent(id);
    h.tick();
    assertThat(h.engine.view(id).rollout().state()).isEqualTo(RolloutState.COMPLETED);

    RolloutView view = h.engine.rollback(id, "bob");
    assertThat(view.rollout().state()).isEqualTo(RolloutState.ROLLED_BACK);
    assertThat(h.publisher.take())
        .hasSize(100)
        .allSatisfy(c -> assertThat(c.version()).isEqualTo(OLD));
    assertThatThrownBy(() -> h.engine.rollback(id, "bob"))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void offlineDeviceTimesOutAfterItsDeadlineAndStillUpdatesWhenBack() {
    var strategy = new Harness.StrategyBuilder();
    strategy.waves = new WavePlan(WavePlan.Kind.COUNT, List.of(2, 100));
    strategy.deadline = Duration.ofMinutes(10);
    strategy.failure = 0.5;
    strategy.success = 0.5;
    String id = h.create(strategy).id();
    h.tick();
    List<String> sent = h.publisher.take().stream().map(DesiredChange::deviceId).toList();
    h.report(sent.get(0), id, ReportedStep.ACTIVE, "");
    h.clock.advance(Duration.ofMinutes(9));
    h.tick();
    assertThat(h.device(id, sent.get(1)).state()).isEqualTo(DeviceUpdateState.DESIRED_SENT);

    h.clock.advance(Duration.ofMinutes(1));
    h.tick();
    assertThat(h.device(id, sent.get(1)).state()).isEqualTo(DeviceUpdateState.TIMED_OUT);
    assertThat(h.device(id, sent.get(1)).reason())
        .isEqualTo("not ACTIVE within the device deadline of PT10M after it was sent");

    // Back online: it reports running the new version.
    h.state(sent.get(1), NEW, 0, 0, 0, 0);
    h.tick();
    assertThat(h.device(id, sent.get(1)).state()).isEqualTo(DeviceUpdateState.ACTIVE);
  }

  @Test
  void failedDeviceIsRetriedWithBackoffABoundedNumberOfTimes() {
    var strategy = new Harness.StrategyBuilder();
    strategy.waves = new WavePlan(WavePlan.Kind.COUNT, List.of(1, 100));
    strategy.failure = 1.0;
    strategy.retry = new RetryPolicy(2, Duration.ofSeconds(30), Duration.ofMinutes(5));
    String id = h.create(strategy).id();
    h.tick();
    String device = h.publisher.take().get(0).deviceId();

    h.report(device, id, ReportedStep.FAILED, "DOWNLOAD_FAILED");
    h.tick();
    assertThat(h.device(id, device).state()).isEqualTo(DeviceUpdateState.RETRY_WAIT);
    h.clock.advance(Duration.ofSeconds(29));
    h.tick();
    assertThat(h.publisher.published).isEmpty();
    h.clock.advance(Duration.ofSeconds(1));
    h.tick();
    assertThat(h.publisher.take()).extracting(DesiredChange::deviceId).containsExactly(device);
    assertThat(h.device(id, device).attempts()).isEqualTo(2);

    h.report(device, id, ReportedStep.FAILED, "DOWNLOAD_FAILED");
    h.tick();
    h.clock.advance(Duration.ofSeconds(59));
    h.tick();
    assertThat(h.publisher.published).as("the second backoff is doubled").isEmpty();
    h.clock.advance(Duration.ofSeconds(1));
    h.tick();
    assertThat(h.publisher.take()).hasSize(1);

    h.report(device, id, ReportedStep.FAILED, "DOWNLOAD_FAILED");
    h.tick();
    h.clock.advance(Duration.ofHours(1));
    h.tick();
    assertThat(h.device(id, device).state()).isEqualTo(DeviceUpdateState.FAILED);
    assertThat(h.device(id, device).attempts()).isEqualTo(3);
    assertThat(h.publisher.published).isEmpty();
  }

  @Test
  void devicesJoiningLaterGetTheVersionOfACompletedRollout() {
    var strategy = new Harness.StrategyBuilder();
    strategy.waves = WavePlan.allAtOnce();
    strategy.bake = Duration.ZERO;
    String id = h.create(strategy).id();
    h.tick();
    h.activateSent(id);
    h.tick();
    assertThat(h.engine.view(id).rollout().state()).isEqualTo(RolloutState.COMPLETED);

    h.fleet.add("line-1", "x86-cpu", 102, "d", OLD); // d-00100 and d-00101 are new
    h.clock.advance(Duration.ofSeconds(10));
    h.tick();

    assertThat(h.publisher.take())
        .extracting(DesiredChange::deviceId)
        .containsExactlyInAnyOrder("d-00100", "d-00101");
    assertThat(h.device(id, "d-00100").reason()).isEqualTo("sent in wave 1");
    assertThat(h.engine.view(id).devices()).isEqualTo(102);
  }

  @Test
  void aRestartedEngineContinuesWhereItWas() {
    String id = h.create(new Harness.StrategyBuilder()).id();
    h.tick();
    h.activateSent(id);
    h.tick();
    h.clock.advance(Duration.ofMinutes(1));
    h.tick();
    List<String> second = h.publisher.take().stream().map(DesiredChange::deviceId).toList();
    assertThat(second).hasSize(40);

    RolloutEngine restarted = h.restart();
    assertThat(restarted.drives(id)).isTrue();
    RolloutView view = restarted.view(id);
    assertThat(view.rollout().currentWave()).isEqualTo(1);
    assertThat(view.byState().get(DeviceUpdateState.ACTIVE)).isEqualTo(10);
    assertThat(view.byState().get(DeviceUpdateState.DESIRED_SENT)).isEqualTo(40);

    second.forEach(d -> h.report(d, id, ReportedStep.ACTIVE, ""));
    h.tick();
    assertThat(h.publisher.published).as("nothing sent twice after the restart").isEmpty();
    h.clock.advance(Duration.ofMinutes(1));
    h.tick();
    assertThat(h.publisher.take()).hasSize(50);
  }

  @Test
  void aSecondRolloutOfTheModelForTheSameDevicesConflicts() {
    String first = h.create(new Harness.StrategyBuilder()).id();
    assertThatThrownBy(() -> h.create(new Harness.StrategyBuilder()))
        .isInstanceOf(RolloutConflictException.class)
        .hasMessageContaining("rollout " + first + " (CREATED) of model anomaly");
    h.engine.abort(first, "bob");
    assertThat(h.create(new Harness.StrategyBuilder()).id()).isNotEqualTo(first);
  }

  @Test
  void staleAndDuplicateReportsAreIgnored() {
    String id = h.create(new Harness.StrategyBuilder()).id();
    h.tick();
    String device = h.publisher.take().get(0).deviceId();
    h.report(device, id, ReportedStep.STAGED, "");
    h.report(device, id, ReportedStep.DOWNLOADING, "");
    h.report(device, id, ReportedStep.STAGED, "");
    h.report(device, "other-rollout", ReportedStep.FAILED, "X");
    h.tick();
    assertThat(h.device(id, device).state()).isEqualTo(DeviceUpdateState.STAGED);
    h.report(device, id, ReportedStep.ACTIVE, "");
    h.report(device, id, ReportedStep.VERIFIED, "");
    h.tick();
    assertThat(h.device(id, device).state()).isEqualTo(DeviceUpdateState.ACTIVE);
  }

  @Test
  void driftedDeviceIsReportedAndItsDesiredStatePublishedAgain() {
    String id = h.create(new Harness.StrategyBuilder()).id();
    h.tick();
    List<String> sent = h.activateSent(id);
    h.tick();
    h.clock.advance(Duration.ofSeconds(1));
    h.state(sent.get(0), OLD, 0, 0, 0, 0); // it runs the old version again
    h.tick();
    assertThat(h.engine.view(id).drift().devices()).isEqualTo(1);
    assertThat(h.publisher.published).as("not again within the reconcile interval").isEmpty();
    h.clock.advance(Duration.ofSeconds(30));
    h.tick();

    RolloutView view = h.engine.view(id);
    assertThat(view.drift().devices()).isEqualTo(1);
    assertThat(view.drift().sample()).containsExactly(sent.get(0));
    assertThat(h.publisher.take())
        .singleElement()
        .satisfies(c -> assertThat(c.deviceId()).isEqualTo(sent.get(0)))
        .satisfies(c -> assertThat(c.version()).isEqualTo(NEW));

    h.clock.advance(Duration.ofSeconds(1));
    h.state(sent.get(0), NEW, 0, 0, 0, 0);
    h.tick();
    assertThat(h.engine.view(id).drift().devices()).isZero();
  }

  @Test
  void atMostMaxConcurrentDevicesUpdateAtOnce() {
    var strategy = new Harness.StrategyBuilder();
    strategy.waves = WavePlan.allAtOnce();
    strategy.maxConcurrent = 30;
    String id = h.create(strategy).id();
    h.tick();
    List<String> sent = h.activateSent(id);
    assertThat(sent).hasSize(30);
    h.tick();
    assertThat(h.publisher.take()).hasSize(30);
  }

  @Test
  void nothingIsSentOutsideTheTimeWindow() {
    var strategy = new Harness.StrategyBuilder();
    strategy.window = Optional.of(new TimeWindow(22, 4, Set.of()));
    String id = h.create(strategy).id(); // 10:00 UTC
    h.tick();
    assertThat(h.publisher.published).isEmpty();
    h.clock.advance(Duration.ofHours(12));
    h.tick();
    assertThat(h.publisher.take()).hasSize(10);
    assertThat(h.engine.view(id).rollout().state()).isEqualTo(RolloutState.RUNNING);
  }

  @Test
  void aDeviceWithoutAVariantForItsHardwareFailsAtOnce() {
    h.fleet.add("line-1", "coral", 1, "c", OLD);
    var strategy = new Harness.StrategyBuilder();
    strategy.waves = WavePlan.allAtOnce();
    strategy.failure = 1.0;
    String id = h.create(strategy).id();
    h.tick();
    assertThat(h.device(id, "c-00000").state()).isEqualTo(DeviceUpdateState.FAILED);
    assertThat(h.device(id, "c-00000").reason())
        .isEqualTo("NO_VARIANT: anomaly 1.1.0 has no variant for hardware class coral");
    assertThat(h.publisher.take()).hasSize(100);
  }

  @Test
  void aFailedPublicationIsRetriedAtTheNextTick() {
    String id = h.create(new Harness.StrategyBuilder()).id();
    h.publisher.failing = true;
    h.tick();
    assertThat(h.count(id, DeviceUpdateState.DESIRED_SENT)).isZero();
    h.publisher.failing = false;
    h.tick();
    assertThat(h.publisher.take()).hasSize(10);
    assertThat(
            h.store.devices(id).stream().filter(d -> d.state() == DeviceUpdateState.DESIRED_SENT))
        .hasSize(10);
  }

  @Test
  void anEmptyWaveOfASmallFleetPassesWithoutBaking() {
    Harness small = new Harness(new FakeFleet().add("line-1", "x86-cpu", 3, "s", OLD));
    var strategy = new Harness.StrategyBuilder();
    strategy.waves = new WavePlan(WavePlan.Kind.PERCENT, List.of(1, 10, 50, 100));
    String id = small.create(strategy).id();
    assertThat(small.engine.view(id).waves())
        .extracting(w -> w.wave().size())
        .containsExactly(1, 1, 1, 0);
    for (int wave = 0; wave < 3; wave++) {
      small.tick();
      assertThat(small.activateSent(id)).hasSize(1);
      small.tick();
      small.clock.advance(Duration.ofMinutes(1));
    }
    small.tick();
    RolloutView view = small.engine.view(id);
    assertThat(view.rollout().state()).isEqualTo(RolloutState.COMPLETED);
    assertThat(view.waves().get(3).wave().reason()).isEqualTo("no devices in this wave");
  }

  @Test
  void unknownRolloutIsRefused() {
    assertThatThrownBy(() -> h.engine.view("nope"))
        .isInstanceOf(UnknownRolloutException.class)
        .hasMessage("no rollout nope");
  }

  @Test
  void aBadSelectorIsRefusedBeforeAnythingIsStored() {
    var spec = new Harness.StrategyBuilder().spec("group!");
    assertThatThrownBy(() -> h.engine.create(spec, "alice"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(h.store.list(10)).isEmpty();
  }

  @Test
  void tenThousandDevicesRollOutInFewTicks() {
    Harness big = new Harness(new FakeFleet().add("all", "x86-cpu", 10_000, "d", OLD));
    var strategy = new Harness.StrategyBuilder();
    strategy.bake = Duration.ZERO;
    String id = big.create(strategy).id();
    int ticks = 0;
    while (big.engine.view(id).rollout().state() != RolloutState.COMPLETED && ticks < 20) {
      big.tick();
      big.activateSent(id);
      ticks++;
    }
    assertThat(big.engine.view(id).rollout().state()).isEqualTo(RolloutState.COMPLETED);
    assertThat(big.engine.view(id).byState().get(DeviceUpdateState.ACTIVE)).isEqualTo(10_000);
    assertThat(ticks).isLessThanOrEqualTo(7);
    assertThat(big.store.saves).as("one save per rollout per tick").isLessThanOrEqualTo(ticks + 1);
  }
}
