package dev.tandem.registry.rollout;

import dev.tandem.deploy.engine.RolloutView;
import dev.tandem.deploy.port.DeviceRecord;
import dev.tandem.deploy.port.RolloutEvent;
import dev.tandem.deploy.port.RolloutRecord;
import dev.tandem.deploy.state.DeviceUpdateState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rollout as the API answers it.
 *
 * @param id its id
 * @param state CREATED, RUNNING, PAUSED, COMPLETED, ABORTED, ROLLING_BACK, ROLLED_BACK or FAILED
 * @param reason why it is in that state
 * @param currentWave the wave in progress, 1-based
 * @param following whether devices joining its selection later still get its version
 * @param spec what and how, every default filled in
 * @param devices devices in it
 * @param devicesByState devices per update state
 * @param waves each wave
 * @param drift devices running another version than it set on them
 * @param health the cohorts the health gate compares (over the current bake window)
 * @param history transitions, oldest first
 */
public record RolloutResponse(
    String id,
    String state,
    String reason,
    int currentWave,
    boolean following,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    RolloutRequest spec,
    int devices,
    Map<String, Integer> devicesByState,
    List<Wave> waves,
    RolloutView.Drift drift,
    RolloutView.Health health,
    List<Event> history) {

  /** One wave; {@code number} is 1-based. */
  public record Wave(
      int number,
      int size,
      String phase,
      int active,
      int failed,
      int inFlight,
      Instant startedAt,
      Instant bakingSince,
      Instant finishedAt,
      String reason) {}

  /** One transition; {@code subject} is {@code rollout} or {@code wave <n>}. */
  public record Event(
      Instant at, String subject, String from, String to, String reason, String actor) {}

  /** A rollout in a list. */
  public record Summary(
      String id,
      String model,
      String version,
      String selector,
      String state,
      String reason,
      int currentWave,
      String createdBy,
      Instant createdAt,
      Instant updatedAt) {
    static Summary of(RolloutRecord r) {
      return new Summary(
          r.id(),
          r.spec().model(),
          r.spec().version(),
          r.spec().selector(),
          r.state().name(),
          r.reason(),
          r.currentWave() + 1,
          r.createdBy(),
          r.createdAt(),
          r.updatedAt());
    }
  }

  /** One device's update. */
  public record Device(
      String deviceId,
      String hardwareClass,
      String variant,
      int wave,
      String state,
      String reason,
      int attempts,
      String previousVersion,
      String reportedVersion,
      Instant sentAt,
      Instant retryAt,
      Instant updatedAt) {
    static Device of(DeviceRecord d) {
      return new Device(
          d.deviceId(),
          d.hardwareClass(),
          d.variant(),
          d.wave() + 1,
          d.state().name(),
          d.reason(),
          d.attempts(),
          d.previousVersion(),
          d.reportedVersion(),
          d.sentAt(),
          d.retryAt(),
          d.updatedAt());
    }
  }

  static RolloutResponse of(RolloutView view) {
    RolloutRecord r = view.rollout();
    Map<String, Integer> byState = new LinkedHashMap<>();
    for (DeviceUpdateState s : DeviceUpdateState.values()) {
      byState.put(s.name(), view.byState().getOrDefault(s, 0));
    }
    List<Wave> waves =
        view.waves().stream()
            .map(
                w ->
                    new Wave(
                        w.wave().index() + 1,
                        w.wave().size(),
                        w.wave().phase().name(),
                        w.active(),
                        w.failed(),
                        w.inFlight(),
                        w.wave().startedAt(),
                        w.wave().bakingSince(),
                        w.wave().finishedAt(),
                        w.wave().reason()))
            .toList();
    List<Event> history = view.history().stream().map(RolloutResponse::event).toList();
    return new RolloutResponse(
        r.id(),
        r.state().name(),
        r.reason(),
        r.currentWave() + 1,
        r.following(),
        r.createdBy(),
        r.createdAt(),
        r.updatedAt(),
        SpecMapping.toRequest(r.spec()),
        view.devices(),
        byState,
        waves,
        view.drift(),
        view.health(),
        history);
  }

  private static Event event(RolloutEvent e) {
    return new Event(e.at(), e.subject(), e.from(), e.to(), e.reason(), e.actor());
  }
}
