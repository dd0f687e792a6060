package dev.tandem.deploy.engine;

import dev.tandem.deploy.port.DeviceRecord;
import dev.tandem.deploy.port.RolloutEvent;
import dev.tandem.deploy.port.RolloutRecord;
import dev.tandem.deploy.port.TargetDevice;
import dev.tandem.deploy.port.WaveRecord;
import dev.tandem.deploy.spec.RolloutSpec;
import dev.tandem.deploy.state.DeviceUpdateState;
import dev.tandem.deploy.state.RolloutState;
import dev.tandem.deploy.state.WavePhase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits the targeted devices into waves. Devices are ordered by a hash of rollout and device id,
 * so each rollout's first wave is a different spread of the fleet, and the same on every replan.
 */
final class RolloutPlanner {
  private RolloutPlanner() {}

  static RolloutRun plan(
      String id, RolloutSpec spec, List<TargetDevice> targets, String actor, Instant now) {
    List<TargetDevice> ordered = new ArrayList<>(targets);
    ordered.sort(
        Comparator.comparingInt((TargetDevice t) -> spread(id, t.id()))
            .thenComparing(TargetDevice::id));
    List<Integer> ends = spec.strategy().waves().cumulative(ordered.size());
    List<WaveRecord> waves = new ArrayList<>();
    List<DeviceRecord> devices = new ArrayList<>(ordered.size());
    int start = 0;
    for (int w = 0; w < ends.size(); w++) {
      int end = ends.get(w);
      waves.add(new WaveRecord(w, end - start, WavePhase.PENDING, null, null, null, 0, "planned"));
      for (int k = start; k < end; k++) {
        devices.add(device(spec, ordered.get(k), w, "planned in wave " + (w + 1), now));
      }
      start = end;
    }
    String reason =
        "created by " + actor + ": " + ordered.size() + " devices in " + waves.size() + " waves";
    RolloutRecord record =
        new RolloutRecord(id, spec, RolloutState.CREATED, reason, 0, false, actor, now, now);
    RolloutRun run = RolloutRun.created(record, waves, devices);
    run.addEvent(createdEvent(record));
    return run;
  }

  private static RolloutEvent createdEvent(RolloutRecord record) {
    return new RolloutEvent(
        record.id(),
        record.createdAt(),
        "rollout",
        "",
        RolloutState.CREATED.name(),
        record.reason(),
        record.createdBy());
  }

  /** A pending update for {@code target} in wave {@code wave}. */
  static DeviceRecord device(
      RolloutSpec spec, TargetDevice target, int wave, String reason, Instant now) {
    return new DeviceRecord(
        target.id(),
        target.hardwareClass(),
        spec.variantFor(target.hardwareClass()).orElse(null),
        wave,
        DeviceUpdateState.PENDING,
        reason,
        0,
        target.currentVersion(),
        null,
        null,
        target.reportedVersion(),
        now);
  }

  private static int spread(String rolloutId, String deviceId) {
    int h = (rolloutId + "/" + deviceId).hashCode();
    // Murmur3's finalizer: neighbouring ids land far apart.
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
