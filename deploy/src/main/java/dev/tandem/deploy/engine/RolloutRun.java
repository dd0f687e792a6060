package dev.tandem.deploy.engine;

import dev.tandem.deploy.health.CohortStats;
import dev.tandem.deploy.health.HealthCounters;
import dev.tandem.deploy.port.DesiredChange;
import dev.tandem.deploy.port.DeviceRecord;
import dev.tandem.deploy.port.RolloutChanges;
import dev.tandem.deploy.port.RolloutEvent;
import dev.tandem.deploy.port.RolloutRecord;
import dev.tandem.deploy.port.WaveRecord;
import dev.tandem.deploy.state.DeviceUpdateState;
import dev.tandem.deploy.state.RolloutState;
import dev.tandem.deploy.state.WavePhase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One rollout held in memory while the engine drives it: its record, waves and device updates, the
 * health it has seen, and what changed since it was last saved. Every change goes through a method
 * here, so every change is a legal transition with a reason and is remembered for saving.
 */
final class RolloutRun {
  private RolloutRecord record;
  private final List<WaveRecord> waves;
  private final Map<String, DeviceRecord> devices;
  private boolean created;
  private boolean recordChanged;
  private boolean wavesChanged;
  private final Set<String> changedDevices = new LinkedHashSet<>();
  private final List<RolloutEvent> events = new ArrayList<>();
  private final List<DesiredChange> outbox = new ArrayList<>();

  /** Health: the latest counters per device, and cohorts over the bake window and since start. */
  final Map<String, HealthCounters> lastCounters = new HashMap<>();

  final Map<String, Instant> lastReportAt = new HashMap<>();
  final CohortStats candidate = new CohortStats();
  final CohortStats incumbent = new CohortStats();
  final CohortStats baseline = new CohortStats();
  final Set<String> drifted = new LinkedHashSet<>();
  Instant nextMembershipCheck = Instant.MIN;

  /** Devices that joined since the engine last indexed them. */
  final List<String> joined = new ArrayList<>();

  /** Desired states published again to drifted devices since loaded. */
  long republished;

  RolloutRun(RolloutRecord record, List<WaveRecord> waves, List<DeviceRecord> devices) {
    this.record = record;
    this.waves = new ArrayList<>(waves);
    this.devices = new LinkedHashMap<>();
    for (DeviceRecord d : devices) {
      this.devices.put(d.deviceId(), d);
    }
  }

  static RolloutRun created(
      RolloutRecord record, List<WaveRecord> waves, List<DeviceRecord> devices) {
    RolloutRun run = new RolloutRun(record, waves, devices);
    run.created = true;
    run.recordChanged = true;
    run.wavesChanged = true;
    run.changedDevices.addAll(run.devices.keySet());
    return run;
  }

  RolloutRecord record() {
    return record;
  }

  String id() {
    return record.id();
  }

  RolloutState state() {
    return record.state();
  }

  List<WaveRecord> waves() {
    return waves;
  }

  WaveRecord currentWave() {
    return waves.get(record.currentWave());
  }

  boolean isLastWave() {
    return record.currentWave() == waves.size() - 1;
  }

  Iterable<DeviceRecord> devices() {
    return devices.values();
  }

  int deviceCount() {
    return devices.size();
  }

  DeviceRecord device(String id) {
    return devices.get(id);
  }

  boolean contains(String id) {
    return devices.containsKey(id);
  }

  /** Moves the rollout; records the event. */
  void move(RolloutState to, String reason, String actor, Instant at) {
    RolloutState from = record.state();
    record = record.moved(to, reason, at);
    recordChanged = true;
    events.add(new RolloutEvent(id(), at, "rollout", from.name(), to.name(), reason, actor));
  }

  void addEvent(RolloutEvent event) {
    events.add(event);
  }

  void setWave(int index, Instant at) {
    record = record.atWave(index, at);
    recordChanged = true;
  }

  void setFollowing(boolean following, Instant at) {
    record = record.following(following, at);
    recordChanged = true;
  }

  /** Moves a wave; records the event. */
  void moveWave(int index, WavePhase to, String reason, String actor, Instant at) {
    WaveRecord wave = waves.get(index);
    waves.set(index, wave.moved(to, reason, at));
    wavesChanged = true;
    events.add(
        new RolloutEvent(
            id(), at, "wave " + (index + 1), wave.phase().name(), to.name(), reason, actor));
  }

  void replaceWave(WaveRecord wave) {
    waves.set(wave.index(), wave);
    wavesChanged = true;
  }

  /** Moves a device's update. */
  DeviceRecord moveDevice(DeviceRecord device, DeviceUpdateState to, String reason, Instant at) {
    return put(device.moved(to, reason, at));
  }

  DeviceRecord put(DeviceRecord device) {
    devices.put(device.deviceId(), device);
    changedDevices.add(device.deviceId());
    return device;
  }

  /** Adds a device that joined the selection later, to the last wave. */
  void join(DeviceRecord device) {
    put(device);
    joined.add(device.deviceId());
    WaveRecord last = waves.get(waves.size() - 1);
    replaceWave(last.resized(last.size() + 1));
  }

  /** Queues a desired state for publication at the end of the tick. */
  void publish(DesiredChange change) {
    outbox.add(change);
  }

  List<DesiredChange> outbox() {
    return outbox;
  }

  boolean hasChanges() {
    return created
        || recordChanged
        || wavesChanged
        || !changedDevices.isEmpty()
        || !events.isEmpty();
  }

  /** What to save, then forgets it. */
  RolloutChanges takeChanges() {
    List<DeviceRecord> changed = new ArrayList<>(changedDevices.size());
    for (String id : changedDevices) {
      changed.add(devices.get(id));
    }
    RolloutChanges changes =
        new RolloutChanges(
            record, created, wavesChanged ? waves : List.of(), changed, new ArrayList<>(events));
    created = false;
    recordChanged = false;
    wavesChanged = false;
    changedDevices.clear();
    events.clear();
    outbox.clear();
    return changes;
  }

  /** Counts per wave, in one pass. */
  WaveCounts[] countWaves() {
    WaveCounts[] counts = new WaveCounts[waves.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = new WaveCounts();
    }
    for (DeviceRecord d : devices.values()) {
      WaveCounts c = counts[d.wave()];
      c.total++;
      if (d.state() == DeviceUpdateState.ACTIVE) {
        c.active++;
      } else if (d.state().failed()) {
        c.failed++;
      } else if (d.state().inFlight()) {
        c.inFlight++;
      }
    }
    return counts;
  }

  /** Devices per wave by outcome. */
  static final class WaveCounts {
    int total;
    int active;
    int failed;
    int inFlight;
  }
}
