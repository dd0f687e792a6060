package dev.tandem.deploy.engine;

import dev.tandem.deploy.port.DeviceRecord;
import dev.tandem.deploy.port.RolloutChanges;
import dev.tandem.deploy.port.RolloutEvent;
import dev.tandem.deploy.port.RolloutRecord;
import dev.tandem.deploy.port.RolloutStore;
import dev.tandem.deploy.port.WaveRecord;
import dev.tandem.deploy.state.RolloutState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A store in maps, with a switch to make it fail like a database that is down. */
final class InMemoryRolloutStore implements RolloutStore {
  private final Map<String, RolloutRecord> rollouts = new LinkedHashMap<>();
  private final Map<String, List<WaveRecord>> waves = new LinkedHashMap<>();
  private final Map<String, Map<String, DeviceRecord>> devices = new LinkedHashMap<>();
  private final Map<String, List<RolloutEvent>> events = new LinkedHashMap<>();
  boolean down;
  int saves;

  @Override
  public synchronized void save(RolloutChanges changes) {
    check();
    String id = changes.rollout().id();
    if (changes.created() == rollouts.containsKey(id)) {
      throw new IllegalStateException("insert of an existing or update of a missing rollout " + id);
    }
    rollouts.put(id, changes.rollout());
    if (!changes.waves().isEmpty()) {
      waves.put(id, List.copyOf(changes.waves()));
    }
    Map<String, DeviceRecord> stored = devices.computeIfAbsent(id, k -> new LinkedHashMap<>());
    changes.devices().forEach(d -> stored.put(d.deviceId(), d));
    events.computeIfAbsent(id, k -> new ArrayList<>()).addAll(changes.events());
    saves++;
  }

  @Override
  public synchronized List<RolloutRecord> unfinished() {
    check();
    return rollouts.values().stream()
        .filter(
            r ->
                r.state().claimsDevices() || (r.state() == RolloutState.COMPLETED && r.following()))
        .toList();
  }

  @Override
  public synchronized Optional<RolloutRecord> find(String id) {
    check();
    return Optional.ofNullable(rollouts.get(id));
  }

  @Override
  public synchronized List<RolloutRecord> list(int limit) {
    check();
    return rollouts.values().stream()
        .sorted(Comparator.comparing(RolloutRecord::createdAt).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized List<WaveRecord> waves(String id) {
    check();
    return waves.getOrDefault(id, List.of());
  }

  @Override
  public synchronized List<DeviceRecord> devices(String id) {
    check();
    return List.copyOf(devices.getOrDefault(id, Map.of()).values());
  }

  @Override
  public synchronized List<RolloutEvent> events(String id) {
    check();
    return List.copyOf(events.getOrDefault(id, List.of()));
  }

  private void check() {
    if (down) {
      throw new IllegalStateException("store down");
    }
  }
}
