package dev.tandem.deploy.engine;

import dev.tandem.deploy.health.GateVerdict;
import dev.tandem.deploy.health.HealthGate;
import dev.tandem.deploy.port.DesiredChange;
import dev.tandem.deploy.port.DeviceRecord;
import dev.tandem.deploy.port.FleetView;
import dev.tandem.deploy.port.RolloutEvent;
import dev.tandem.deploy.port.TargetDevice;
import dev.tandem.deploy.port.WaveRecord;
import dev.tandem.deploy.spec.RolloutSpec;
import dev.tandem.deploy.spec.Strategy;
import dev.tandem.deploy.state.DeviceUpdateState;
import dev.tandem.deploy.state.RolloutState;
import dev.tandem.deploy.state.WavePhase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * One tick of one rollout: deadlines, retries, late joiners, the failure threshold, wave progress
 * and health gates, reconciliation. Every pass over the devices is linear; nothing here waits.
 */
final class RunTicker {
  private static final String ENGINE = RolloutEvent.ENGINE;

  private final FleetView fleet;
  private final EngineSettings settings;
  private final BiPredicate<RolloutRun, String> claimedElsewhere;

  /**
   * @param claimedElsewhere whether another rollout of the run's model claims this device (a joiner
   *     is then left to it)
   */
  RunTicker(
      FleetView fleet, EngineSettings settings, BiPredicate<RolloutRun, String> claimedElsewhere) {
    this.fleet = fleet;
    this.settings = settings;
    this.claimedElsewhere = claimedElsewhere;
  }

  void tick(RolloutRun run, Instant now) {
    if (run.state() == RolloutState.CREATED) {
      run.move(RolloutState.RUNNING, "started", ENGINE, now);
      run.setWave(0, now);
      run.moveWave(0, WavePhase.UPDATING, "first wave", ENGINE, now);
      run.nextMembershipCheck = now.plus(settings.membershipInterval());
    }
    switch (run.state()) {
      case RUNNING -> running(run, now);
      case PAUSED -> {
        deadlines(run, now);
        reconcile(run, now);
      }
      case COMPLETED -> {
        deadlines(run, now);
        joiners(run, now);
        int slots = retries(run, now, slots(run));
        if (allowed(run, now)) {
          sendPending(run, run.waves().size() - 1, now, slots);
        }
        reconcile(run, now);
      }
      case ROLLING_BACK -> rollBack(run, now, ENGINE);
      default -> {
        // Final states: nothing to do.
      }
    }
  }

  private void running(RolloutRun run, Instant now) {
    deadlines(run, now);
    joiners(run, now);
    int slots = retries(run, now, slots(run));
    RolloutRun.WaveCounts[] counts = run.countWaves();
    String failure = failure(run, counts);
    if (failure != null) {
      stop(run, failure, now);
      return;
    }
    advance(run, counts, now, slots);
    reconcile(run, now);
  }

  /** Moves through waves while they are ready; at most once through each. */
  private void advance(RolloutRun run, RolloutRun.WaveCounts[] counts, Instant now, int slots) {
    Strategy strategy = run.record().spec().strategy();
    boolean allowed = allowed(run, now);
    for (int guard = 0; guard < run.waves().size(); guard++) {
      int i = run.record().currentWave();
      WaveRecord wave = run.currentWave();
      if (wave.phase() == WavePhase.UPDATING) {
        if (allowed) {
          slots = sendPending(run, i, now, slots);
        }
        RolloutRun.WaveCounts c = counts[i];
        int need = (int) Math.ceil(strategy.successThreshold() * c.total - 1e-9);
        if (c.active < need) {
          return;
        }
        run.moveWave(
            i,
            WavePhase.BAKING,
            c.active + " of " + c.total + " devices active (success threshold " + need + ")",
            ENGINE,
            now);
        run.candidate.reset();
        run.incumbent.reset();
        wave = run.currentWave();
      }
      boolean empty = counts[i].total == 0;
      if (wave.phase() != WavePhase.BAKING
          || (!empty && now.isBefore(wave.bakingSince().plus(strategy.bakeTime())))
          || !allowed) {
        return;
      }
      // A wave without devices (a small fleet split into many waves) has nothing to bake.
      GateVerdict verdict =
          empty
              ? new GateVerdict(true, "no devices in this wave")
              : new HealthGate(strategy.gate()).judge(run.candidate, run.incumbent, run.baseline);
      if (!verdict.passed()) {
        stop(run, "wave " + (i + 1) + " failed its health gate: " + verdict.reason(), now);
        return;
      }
      run.moveWave(i, WavePhase.PASSED, verdict.reason(), ENGINE, now);
      if (run.isLastWave()) {
        run.move(
            RolloutState.COMPLETED, "all " + run.waves().size() + " waves passed", ENGINE, now);
        run.setFollowing(true, now);
        return;
      }
      run.setWave(i + 1, now);
      run.moveWave(i + 1, WavePhase.UPDATING, "wave " + (i + 1) + " passed", ENGINE, now);
    }
  }

  /** Why the rollout must stop: the first started wave over its failure threshold, or null. */
  private static String failure(RolloutRun run, RolloutRun.WaveCounts[] counts) {
    double threshold = run.record().spec().strategy().failureThreshold();
    for (int i = 0; i <= run.record().currentWave(); i++) {
      WaveRecord wave = run.waves().get(i);
      if (wave.phase() == WavePhase.PENDING) {
        continue;
      }
      int failed = counts[i].failed - wave.acceptedFailures();
      if (failed > 0 && failed > threshold * counts[i].total) {
        return String.format(
            Locale.ROOT,
            "wave %d: %d of %d devices failed (%.1f%%), over the failure threshold of %.1f%%",
            i + 1,
            failed,
            counts[i].total,
            100.0 * failed / counts[i].total,
            100 * threshold);
      }
    }
    return null;
  }

  /** Stops the rollout as its strategy says. */
  void stop(RolloutRun run, String reason, Instant now) {
    stopWave(run, reason, ENGINE, now);
    switch (run.record().spec().strategy().onFailure()) {
      case PAUSE -> run.move(RolloutState.PAUSED, reason, ENGINE, now);
      case FAIL -> run.move(RolloutState.FAILED, reason, ENGINE, now);
      case ROLLBACK -> {
        run.move(RolloutState.ROLLING_BACK, reason, ENGINE, now);
        rollBack(run, now, ENGINE);
      }
    }
  }

  /** Stops the current wave if it is updating or baking. */
  static void stopWave(RolloutRun run, String reason, String actor, Instant now) {
    WaveRecord wave = run.currentWave();
    if (wave.phase() == WavePhase.UPDATING || wave.phase() == WavePhase.BAKING) {
      run.moveWave(wave.index(), WavePhase.STOPPED, reason, actor, now);
    }
  }

  /** Sends every touched device its previous version; the rollout is then ROLLED_BACK. */
  void rollBack(RolloutRun run, Instant now, String actor) {
    RolloutSpec spec = run.record().spec();
    List<DeviceRecord> touched = new ArrayList<>();
    for (DeviceRecord d : run.devices()) {
      if (d.state().touched() && d.state() != DeviceUpdateState.ROLLED_BACK) {
        touched.add(d);
      }
    }
    for (DeviceRecord d : touched) {
      String previous = d.previousVersion();
      DeviceRecord back =
          run.put(
              d.moved(
                      DeviceUpdateState.ROLLED_BACK,
                      previous == null
                          ? "rolled back: " + spec.model() + " removed (it had no version before)"
                          : "rolled back to " + previous,
                      now)
                  .sent(now, false));
      run.publish(
          new DesiredChange(
              back.deviceId(), back.hardwareClass(), run.id(), spec.model(), previous, null));
    }
    run.move(
        RolloutState.ROLLED_BACK,
        "sent the previous version to " + touched.size() + " devices",
        actor,
        now);
  }

  private void deadlines(RolloutRun run, Instant now) {
    var deadline = run.record().spec().strategy().deviceDeadline();
    List<DeviceRecord> late = new ArrayList<>();
    for (DeviceRecord d : run.devices()) {
      if (d.state().inFlight() && d.sentAt() != null && !now.isBefore(d.sentAt().plus(deadline))) {
        late.add(d);
      }
    }
    for (DeviceRecord d : late) {
      run.moveDevice(
          d,
          DeviceUpdateState.TIMED_OUT,
          "not ACTIVE within the device deadline of " + deadline + " after it was sent",
          now);
    }
  }

  /** Sends devices whose retry is due; returns the slots left. */
  private int retries(RolloutRun run, Instant now, int slots) {
    if (!allowed(run, now)) {
      return slots;
    }
    List<DeviceRecord> due = new ArrayList<>();
    for (DeviceRecord d : run.devices()) {
      if (d.state() == DeviceUpdateState.RETRY_WAIT && !now.isBefore(d.retryAt())) {
        due.add(d);
      }
    }
    for (DeviceRecord d : due) {
      if (slots <= 0) {
        break;
      }
      send(run, d, "retry " + d.attempts() + " sent", now);
      slots--;
    }
    return slots;
  }

  /** Sends pending devices of waves up to {@code lastWave}; returns the slots left. */
  private int sendPending(RolloutRun run, int lastWave, Instant now, int slots) {
    List<DeviceRecord> pending = new ArrayList<>();
    for (DeviceRecord d : run.devices()) {
      if (d.state() == DeviceUpdateState.PENDING && d.wave() <= lastWave) {
        pending.add(d);
      }
    }
    RolloutSpec spec = run.record().spec();
    for (DeviceRecord d : pending) {
      if (d.variant() == null) {
        run.moveDevice(
            d,
            DeviceUpdateState.FAILED,
            "NO_VARIANT: "
                + spec.model()
                + " "
                + spec.version()
                + " has no variant for hardware class "
                + d.hardwareClass(),
            now);
        continue;
      }
      if (slots <= 0) {
        break;
      }
      send(run, d, "sent in wave " + (d.wave() + 1), now);
      slots--;
    }
    return slots;
  }

  private static void send(RolloutRun run, DeviceRecord d, String reason, Instant now) {
    RolloutSpec spec = run.record().spec();
    DeviceRecord sent =
        run.put(d.moved(DeviceUpdateState.DESIRED_SENT, reason, now).sent(now, true));
    run.publish(desired(run, sent, spec));
  }

  private static DesiredChange desired(RolloutRun run, DeviceRecord d, RolloutSpec spec) {
    return new DesiredChange(
        d.deviceId(), d.hardwareClass(), run.id(), spec.model(), spec.version(), d.variant());
  }

  /** Concurrency slots free now. */
  private static int slots(RolloutRun run) {
    int max = run.record().spec().strategy().maxConcurrent();
    if (max == 0) {
      return Integer.MAX_VALUE;
    }
    int inFlight = 0;
    for (DeviceRecord d : run.devices()) {
      if (d.state().inFlight()) {
        inFlight++;
      }
    }
    return Math.max(0, max - inFlight);
  }

  private static boolean allowed(RolloutRun run, Instant now) {
    return run.record().spec().strategy().window().map(w -> w.allows(now)).orElse(true);
  }

  /** Adds devices that joined the selection since the last look, to the last wave. */
  private void joiners(RolloutRun run, Instant now) {
    if (now.isBefore(run.nextMembershipCheck)) {
      return;
    }
    run.nextMembershipCheck = now.plus(settings.membershipInterval());
    RolloutSpec spec = run.record().spec();
    int last = run.waves().size() - 1;
    for (TargetDevice target : fleet.select(spec.selector(), spec.model())) {
      if (!run.contains(target.id()) && !claimedElsewhere.test(run, target.id())) {
        run.join(
            RolloutPlanner.device(
                spec, target, last, "joined the selection after the rollout started", now));
      }
    }
  }

  /**
   * Finds ACTIVE devices whose latest state report (newer than their activation) names another
   * version, and publishes their desired state again, at most once per reconcile interval.
   */
  private void reconcile(RolloutRun run, Instant now) {
    RolloutSpec spec = run.record().spec();
    run.drifted.clear();
    List<DeviceRecord> republish = new ArrayList<>();
    for (DeviceRecord d : run.devices()) {
      if (d.state() != DeviceUpdateState.ACTIVE) {
        continue;
      }
      Instant reported = run.lastReportAt.get(d.deviceId());
      if (reported == null
          || !reported.isAfter(d.updatedAt())
          || Objects.equals(spec.version(), d.reportedVersion())) {
        continue;
      }
      run.drifted.add(d.deviceId());
      if (d.sentAt() == null || !now.isBefore(d.sentAt().plus(settings.reconcileInterval()))) {
        republish.add(d);
      }
    }
    for (DeviceRecord d : republish) {
      run.publish(desired(run, run.put(d.sent(now, false)), spec));
      run.republished++;
    }
  }
}
