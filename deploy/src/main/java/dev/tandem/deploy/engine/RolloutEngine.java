package dev.tandem.deploy.engine;

import dev.tandem.deploy.health.CohortStats;
import dev.tandem.deploy.port.DesiredChange;
import dev.tandem.deploy.port.DesiredPublisher;
import dev.tandem.deploy.port.DeviceRecord;
import dev.tandem.deploy.port.FleetView;
import dev.tandem.deploy.port.RolloutRecord;
import dev.tandem.deploy.port.RolloutStore;
import dev.tandem.deploy.port.TargetDevice;
import dev.tandem.deploy.port.WaveRecord;
import dev.tandem.deploy.spec.RolloutSpec;
import dev.tandem.deploy.state.DeviceUpdateState;
import dev.tandem.deploy.state.IllegalTransitionException;
import dev.tandem.deploy.state.RolloutState;
import dev.tandem.deploy.state.WavePhase;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/**
 * Drives staged rollouts. A host creates rollouts and acts on them through this class, {@link
 * #offer(UpdateReport) offers} device reports from any thread, and calls {@link #tick()} on a
 * schedule (about once a second). Reports queue until the next tick; each tick applies them, moves
 * every rollout it drives, publishes the desired states it decided in one batch per rollout, and
 * saves each rollout's changes in one call.
 *
 * <p>Every public method but {@code offer} holds the engine's lock: the engine is single-threaded
 * inside, and time comes only from the {@link InstantSource} it was given.
 */
public final class RolloutEngine {
  private static final System.Logger LOG = System.getLogger(RolloutEngine.class.getName());

  /** The most reports waiting for a tick; past it {@code offer} waits (back-pressure). */
  public static final int MAX_QUEUED_REPORTS = 1_000_000;

  private final RolloutStore store;
  private final FleetView fleet;
  private final DesiredPublisher publisher;
  private final InstantSource clock;
  private final Supplier<String> ids;
  private final RunTicker ticker;
  private final Map<String, RolloutRun> runs = new LinkedHashMap<>();
  private final Map<String, List<RolloutRun>> byDevice = new HashMap<>();
  private final BlockingQueue<UpdateReport> updates = new LinkedBlockingQueue<>(MAX_QUEUED_REPORTS);
  private final BlockingQueue<StateReport> states = new LinkedBlockingQueue<>(MAX_QUEUED_REPORTS);

  /**
   * @param ids makes rollout ids, unique per store
   */
  public RolloutEngine(
      RolloutStore store,
      FleetView fleet,
      DesiredPublisher publisher,
      InstantSource clock,
      EngineSettings settings,
      Supplier<String> ids) {
    this.store = Objects.requireNonNull(store, "store");
    this.fleet = Objects.requireNonNull(fleet, "fleet");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.ticker = new RunTicker(fleet, settings, this::claimedElsewhere);
  }

  /** Loads every rollout the store says is unfinished: after a restart, they go on. */
  public synchronized void start() {
    runs.clear();
    byDevice.clear();
    for (RolloutRecord record : store.unfinished()) {
      track(load(record));
    }
    LOG.log(Level.INFO, "rollout engine: driving {0} rollouts", runs.size());
  }

  /**
   * Creates a rollout over the devices its selector selects now; the next tick starts it.
   *
   * @throws RolloutConflictException if a rollout of the same model that is not finished targets
   *     any of these devices
   * @throws IllegalArgumentException if the fleet refuses the selector
   */
  public synchronized RolloutRecord create(RolloutSpec spec, String actor) {
    Objects.requireNonNull(spec, "spec");
    Instant now = clock.instant();
    List<TargetDevice> targets = fleet.select(spec.selector(), spec.model());
    for (RolloutRun other : runs.values()) {
      if (!other.record().spec().model().equals(spec.model()) || !other.state().claimsDevices()) {
        continue;
      }
      List<String> shared =
          targets.stream().map(TargetDevice::id).filter(other::contains).limit(3).toList();
      if (!shared.isEmpty()) {
        throw new RolloutConflictException(
            "rollout "
                + other.id()
                + " ("
                + other.state()
                + ") of model "
                + spec.model()
                + " already targets some of these devices, e.g. "
                + String.join(", ", shared)
                + "; abort or finish it first");
      }
    }
    RolloutRun run = RolloutPlanner.plan(ids.get(), spec, targets, actor, now);
    flush(run);
    // A completed rollout of the model stops sending its version to joiners this one now takes.
    for (RolloutRun other : new ArrayList<>(runs.values())) {
      if (other.state() == RolloutState.COMPLETED
          && other.record().spec().model().equals(spec.model())
          && targets.stream().anyMatch(t -> other.contains(t.id()))) {
        other.setFollowing(false, now);
        flush(other);
        untrack(other);
      }
    }
    track(run);
    LOG.log(
        Level.INFO,
        "rollout {0}: {1} {2} to {3} devices in {4} waves, by {5}",
        run.id(),
        spec.model(),
        spec.version(),
        run.deviceCount(),
        run.waves().size(),
        actor);
    return run.record();
  }

  /**
   * Queues an update report for the next tick; waits while {@value #MAX_QUEUED_REPORTS} are queued.
   */
  public void offer(UpdateReport report) throws InterruptedException {
    updates.put(Objects.requireNonNull(report, "report"));
  }

  /** Queues a state report for the next tick; waits while too many are queued. */
  public void offer(StateReport report) throws InterruptedException {
    states.put(Objects.requireNonNull(report, "report"));
  }

  /** Reports waiting for the next tick. */
  public int queuedReports() {
    return updates.size() + states.size();
  }

  /**
   * Applies queued reports, moves every rollout, publishes and saves. A rollout whose publication
   * or save fails is reloaded from the store and tried again at the next tick.
   *
   * @return what the tick did
   */
  public synchronized TickStats tick() {
    Instant now = clock.instant();
    int applied = 0;
    for (UpdateReport report; (report = updates.poll()) != null; ) {
      RolloutRun run = runs.get(report.rolloutId());
      if (run != null && ReportApplier.update(run, report) == ReportApplier.Outcome.APPLIED) {
        applied++;
      }
    }
    for (StateReport report; (report = states.poll()) != null; ) {
      for (RolloutRun run : byDevice.getOrDefault(report.deviceId(), List.of())) {
        ReportApplier.state(run, report);
        applied++;
      }
    }
    int published = 0;
    int failedRuns = 0;
    for (RolloutRun run : new ArrayList<>(runs.values())) {
      try {
        ticker.tick(run, now);
        published += flush(run);
        for (String joiner : run.joined) {
          byDevice.computeIfAbsent(joiner, k -> new ArrayList<>(1)).add(run);
        }
        run.joined.clear();
      } catch (RuntimeException e) {
        failedRuns++;
        LOG.log(Level.WARNING, "rollout " + run.id() + ": tick failed, retrying: " + e, e);
        reload(run);
        continue;
      }
      if (!drives(run.record())) {
        untrack(run);
      }
    }
    return new TickStats(runs.size(), applied, published, failedRuns);
  }

  /**
   * What one tick did.
   *
   * @param rollouts rollouts driven after it
   * @param reportsApplied device reports applied
   * @param published desired states published
   * @param failedRollouts rollouts whose publication or save failed (retried next tick)
   */
  public record TickStats(int rollouts, int reportsApplied, int published, int failedRollouts) {}

  /**
   * Pauses a running rollout: nothing new is sent; updates in flight go on.
   *
   * @throws UnknownRolloutException if there is none with this id
   * @throws IllegalTransitionException if it is not RUNNING
   */
  public synchronized RolloutView pause(String id, String actor) {
    RolloutRun run = require(id);
    Instant now = clock.instant();
    String reason = "paused by " + actor;
    run.record().state().moveTo(RolloutState.PAUSED);
    RunTicker.stopWave(run, reason, actor, now);
    run.move(RolloutState.PAUSED, reason, actor, now);
    flush(run);
    return view(run);
  }

  /**
   * Resumes a paused rollout. Failures so far are accepted (they no longer count against the
   * failure threshold) and the current wave updates, then bakes again from the start.
   *
   * @throws UnknownRolloutException if there is none with this id
   * @throws IllegalTransitionException if it is not PAUSED
   */
  public synchronized RolloutView resume(String id, String actor) {
    RolloutRun run = require(id);
    Instant now = clock.instant();
    String reason = "resumed by " + actor;
    run.move(RolloutState.RUNNING, reason, actor, now);
    RolloutRun.WaveCounts[] counts = run.countWaves();
    for (WaveRecord wave : List.copyOf(run.waves())) {
      if (wave.phase() != WavePhase.PENDING) {
        run.replaceWave(wave.accepting(counts[wave.index()].failed));
      }
    }
    WaveRecord current = run.currentWave();
    if (current.phase() == WavePhase.STOPPED) {
      run.moveWave(current.index(), WavePhase.UPDATING, reason, actor, now);
    }
    flush(run);
    return view(run);
  }

  /**
   * Aborts a rollout for good; devices keep what they have.
   *
   * @throws UnknownRolloutException if there is none with this id
   * @throws IllegalTransitionException if it is not CREATED, RUNNING or PAUSED
   */
  public synchronized RolloutView abort(String id, String actor) {
    RolloutRun run = require(id);
    Instant now = clock.instant();
    String reason = "aborted by " + actor;
    run.record().state().moveTo(RolloutState.ABORTED);
    RunTicker.stopWave(run, reason, actor, now);
    run.move(RolloutState.ABORTED, reason, actor, now);
    flush(run);
    untrack(run);
    return view(run);
  }

  /**
   * Sets the previous version on every device the rollout touched.
   *
   * @throws UnknownRolloutException if there is none with this id
   * @throws IllegalTransitionException if it is CREATED, ROLLING_BACK or ROLLED_BACK
   * @throws RolloutConflictException if another unfinished rollout of the model targets some of its
   *     devices now
   */
  public synchronized RolloutView rollback(String id, String actor) {
    RolloutRun run = require(id);
    Instant now = clock.instant();
    run.record().state().moveTo(RolloutState.ROLLING_BACK);
    for (RolloutRun other : runs.values()) {
      if (other != run
          && other.state().claimsDevices()
          && other.record().spec().model().equals(run.record().spec().model())) {
        for (DeviceRecord d : run.devices()) {
          if (d.state().touched() && other.contains(d.deviceId())) {
            throw new RolloutConflictException(
                "rollout "
                    + other.id()
                    + " ("
                    + other.state()
                    + ") now updates device "
                    + d.deviceId()
                    + " of this rollout; abort it before rolling this one back");
          }
        }
      }
    }
    String reason = "rollback by " + actor;
    RunTicker.stopWave(run, reason, actor, now);
    run.move(RolloutState.ROLLING_BACK, reason, actor, now);
    ticker.rollBack(run, now, actor);
    flush(run);
    untrack(run);
    return view(run);
  }

  /**
   * A rollout with its counts, drift and history.
   *
   * @throws UnknownRolloutException if there is none with this id
   */
  public synchronized RolloutView view(String id) {
    return view(require(id));
  }

  /**
   * A rollout's device updates, in wave order.
   *
   * @throws UnknownRolloutException if there is none with this id
   */
  public synchronized List<DeviceRecord> devices(String id) {
    List<DeviceRecord> list = new ArrayList<>();
    require(id).devices().forEach(list::add);
    return list;
  }

  /** Rollouts, newest first, at most {@code limit}. */
  public List<RolloutRecord> list(int limit) {
    return store.list(limit);
  }

  /** Whether the engine drives this rollout now (it is in memory). */
  public synchronized boolean drives(String id) {
    return runs.containsKey(id);
  }

  private RolloutView view(RolloutRun run) {
    Map<DeviceUpdateState, Integer> byState = new EnumMap<>(DeviceUpdateState.class);
    for (DeviceUpdateState s : DeviceUpdateState.values()) {
      byState.put(s, 0);
    }
    String version = run.record().spec().version();
    List<String> drifted = new ArrayList<>(run.drifted);
    boolean live = runs.get(run.id()) == run;
    for (DeviceRecord d : run.devices()) {
      byState.merge(d.state(), 1, Integer::sum);
      if (!live
          && d.state() == DeviceUpdateState.ACTIVE
          && d.reportedVersion() != null
          && !d.reportedVersion().equals(version)) {
        drifted.add(d.deviceId());
      }
    }
    RolloutRun.WaveCounts[] counts = run.countWaves();
    List<RolloutView.WaveView> waves = new ArrayList<>();
    for (WaveRecord wave : run.waves()) {
      RolloutRun.WaveCounts c = counts[wave.index()];
      waves.add(new RolloutView.WaveView(wave, c.active, c.failed, c.inFlight));
    }
    CohortStats window = run.candidate;
    return new RolloutView(
        run.record(),
        run.deviceCount(),
        byState,
        waves,
        new RolloutView.Drift(
            drifted.size(),
            drifted.subList(0, Math.min(drifted.size(), RolloutView.DRIFT_SAMPLE)),
            run.republished),
        new RolloutView.Health(RolloutView.Cohort.of(window), RolloutView.Cohort.of(run.incumbent)),
        store.events(run.id()));
  }

  private RolloutRun require(String id) {
    RolloutRun run = runs.get(id);
    if (run != null) {
      return run;
    }
    return store.find(id).map(this::load).orElseThrow(() -> new UnknownRolloutException(id));
  }

  private RolloutRun load(RolloutRecord record) {
    return new RolloutRun(record, store.waves(record.id()), store.devices(record.id()));
  }

  private void reload(RolloutRun run) {
    untrack(run);
    try {
      store.find(run.id()).map(this::load).filter(r -> drives(r.record())).ifPresent(this::track);
    } catch (RuntimeException e) {
      // The store is down: keep the stale run, its next tick fails the same way until it is back.
      LOG.log(Level.WARNING, "rollout " + run.id() + ": cannot reload: " + e);
      track(run);
      run.takeChanges();
    }
  }

  /** Publishes and saves what a run decided; returns how many desired states were published. */
  private int flush(RolloutRun run) {
    List<DesiredChange> outbox = List.copyOf(run.outbox());
    if (!outbox.isEmpty()) {
      publisher.publish(outbox);
    }
    if (run.hasChanges()) {
      store.save(run.takeChanges());
    } else {
      run.takeChanges();
    }
    return outbox.size();
  }

  private static boolean drives(RolloutRecord record) {
    return record.state().claimsDevices()
        || (record.state() == RolloutState.COMPLETED && record.following());
  }

  private void track(RolloutRun run) {
    runs.put(run.id(), run);
    for (DeviceRecord d : run.devices()) {
      byDevice.computeIfAbsent(d.deviceId(), k -> new ArrayList<>(1)).add(run);
    }
  }

  private void untrack(RolloutRun run) {
    if (runs.remove(run.id(), run)) {
      for (DeviceRecord d : run.devices()) {
        List<RolloutRun> list = byDevice.get(d.deviceId());
        if (list != null) {
          list.remove(run);
          if (list.isEmpty()) {
            byDevice.remove(d.deviceId());
          }
        }
      }
    }
  }

  /** Whether an unfinished rollout of the run's model other than the run targets the device. */
  private boolean claimedElsewhere(RolloutRun run, String deviceId) {
    String model = run.record().spec().model();
    for (RolloutRun other : byDevice.getOrDefault(deviceId, List.of())) {
      if (other != run
          && other.record().spec().model().equals(model)
          && (other.state().claimsDevices()
              || other.record().createdAt().isAfter(run.record().createdAt()))) {
        return true;
      }
    }
    return false;
  }
}
