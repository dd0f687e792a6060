package dev.tandem.deploy.engine;

import dev.tandem.deploy.port.DesiredChange;
import dev.tandem.deploy.port.DeviceRecord;
import dev.tandem.deploy.spec.HealthGateSpec;
import dev.tandem.deploy.spec.OnFailure;
import dev.tandem.deploy.spec.RetryPolicy;
import dev.tandem.deploy.spec.RolloutSpec;
import dev.tandem.deploy.spec.Strategy;
import dev.tandem.deploy.spec.TimeWindow;
import dev.tandem.deploy.spec.WavePlan;
import dev.tandem.deploy.state.DeviceUpdateState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** An engine over an in-memory store, a fake fleet, a recording publisher and a movable clock. */
final class Harness {
  static final String MODEL = "anomaly";
  static final String OLD = "1.0.0";
  static final String NEW = "1.1.0";

  final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T10:00:00Z"));
  final InMemoryRolloutStore store;
  final FakeFleet fleet;
  final RecordingPublisher publisher = new RecordingPublisher();
  final EngineSettings settings =
      new EngineSettings(Duration.ofSeconds(30), Duration.ofSeconds(10));
  private final AtomicInteger ids;
  RolloutEngine engine;

  Harness(FakeFleet fleet) {
    this(fleet, new InMemoryRolloutStore(), new AtomicInteger());
  }

  private Harness(FakeFleet fleet, InMemoryRolloutStore store, AtomicInteger ids) {
    this.fleet = fleet;
    this.store = store;
    this.ids = ids;
    this.engine = newEngine();
    engine.start();
  }

  /** A second engine over the same store, fleet and clock: a restarted control plane. */
  RolloutEngine restart() {
    engine = newEngine();
    engine.start();
    return engine;
  }

  private RolloutEngine newEngine() {
    return new RolloutEngine(
        store, fleet, publisher, clock, settings, () -> "r" + ids.incrementAndGet());
  }

  /** A mutable strategy with test-friendly defaults: no gate data needed, no retries. */
  static final class StrategyBuilder {
    WavePlan waves = new WavePlan(WavePlan.Kind.PERCENT, List.of(10, 50, 100));
    double success = 1.0;
    double failure = 0.1;
    Duration bake = Duration.ofMinutes(1);
    int maxConcurrent;
    Optional<TimeWindow> window = Optional.empty();
    OnFailure onFailure = OnFailure.PAUSE;
    Duration deadline = Duration.ofHours(1);
    RetryPolicy retry = new RetryPolicy(0, Duration.ofSeconds(30), Duration.ofMinutes(5));
    HealthGateSpec gate = new HealthGateSpec(0.25, 0.01, 0.05, 0, false);

    Strategy build() {
      return new Strategy(
          waves, success, failure, bake, maxConcurrent, window, onFailure, deadline, retry, gate);
    }

    RolloutSpec spec(String selector) {
      return new RolloutSpec(MODEL, NEW, Map.of("x86-cpu", "fp32"), selector, build());
    }
  }

  RolloutSpecHolder create(StrategyBuilder strategy) {
    return new RolloutSpecHolder(engine.create(strategy.spec(""), "alice").id());
  }

  record RolloutSpecHolder(String id) {}

  void tick() {
    engine.tick();
  }

  void report(String device, String rolloutId, ReportedStep step, String reason) {
    try {
      engine.offer(new UpdateReport(device, rolloutId, MODEL, NEW, step, reason, clock.instant()));
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every device just published to reports ACTIVE. */
  List<String> activateSent(String rolloutId) {
    List<String> sent = publisher.take().stream().map(DesiredChange::deviceId).toList();
    sent.forEach(d -> report(d, rolloutId, ReportedStep.ACTIVE, ""));
    return sent;
  }

  void state(
      String device, String version, long inferences, long errors, long latencyUs, long anomalies) {
    try {
      engine.offer(
          new StateReport(
              device,
              version == null ? Map.of() : Map.of(MODEL, version),
              Map.of(
                  "inferences", inferences,
                  "inference_errors", errors,
                  "inference_latency_us_total", latencyUs,
                  "anomalies", anomalies),
              clock.instant()));
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  long count(String rolloutId, DeviceUpdateState state) {
    return engine.devices(rolloutId).stream().filter(d -> d.state() == state).count();
  }

  DeviceRecord device(String rolloutId, String deviceId) {
    return engine.devices(rolloutId).stream()
        .filter(d -> d.deviceId().equals(deviceId))
        .findFirst()
        .orElseThrow();
  }
}
