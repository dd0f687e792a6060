package dev.tandem.deploy.port;

import java.util.List;
import java.util.Optional;

/**
 * Where rollouts live, so the engine is pure and a restart continues where it was. Every method may
 * throw a {@link RuntimeException} when the store is down; the engine then keeps nothing of what it
 * was doing.
 */
public interface RolloutStore {

  /** Saves one rollout's changes atomically, devices in one batch. */
  void save(RolloutChanges changes);

  /**
   * Every rollout the engine still drives: CREATED, RUNNING, PAUSED, ROLLING_BACK, and COMPLETED
   * ones that follow late joiners.
   */
  List<RolloutRecord> unfinished();

  /** One rollout. */
  Optional<RolloutRecord> find(String id);

  /**
   * Rollouts, newest first.
   *
   * @param limit at most this many
   */
  List<RolloutRecord> list(int limit);

  /** A rollout's waves, by index. */
  List<WaveRecord> waves(String id);

  /** A rollout's device updates. */
  List<DeviceRecord> devices(String id);

  /** A rollout's history, oldest first. */
  List<RolloutEvent> events(String id);
}
