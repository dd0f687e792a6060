package dev.tandem.deploy.port;

import java.util.List;
import java.util.Objects;

/**
 * What one tick (or one operator action) changed in one rollout, saved together.
 *
 * @param rollout the rollout after the change
 * @param created whether the rollout is new (insert rather than update)
 * @param waves every wave when any changed, else empty
 * @param devices the device updates that changed
 * @param events transitions to append to its history
 */
public record RolloutChanges(
    RolloutRecord rollout,
    boolean created,
    List<WaveRecord> waves,
    List<DeviceRecord> devices,
    List<RolloutEvent> events) {
  public RolloutChanges {
    Objects.requireNonNull(rollout, "rollout");
    waves = List.copyOf(waves);
    devices = List.copyOf(devices);
    events = List.copyOf(events);
  }
}
