package dev.tandem.deploy.engine;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A device reported its state ({@code DeviceStateReport}).
 *
 * @param deviceId the device
 * @param modelVersions model name to the version it runs
 * @param counters its monotonic counters (see {@link dev.tandem.deploy.health.HealthCounters})
 * @param at when the cloud received it
 */
public record StateReport(
    String deviceId, Map<String, String> modelVersions, Map<String, Long> counters, Instant at) {
  public StateReport {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(at, "at");
    modelVersions = Map.copyOf(modelVersions);
    counters = Map.copyOf(counters);
  }
}
