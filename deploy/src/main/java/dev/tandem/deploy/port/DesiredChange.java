package dev.tandem.deploy.port;

import java.util.Objects;

/**
 * One device should now run {@code version} of {@code model} (or no version of it, when null).
 *
 * @param deviceId the device
 * @param hardwareClass its hardware class, for a host that resolves the variant itself
 * @param rolloutId the rollout asking, echoed by the device in its update reports
 * @param model the model name
 * @param version the version, or null to remove the model from what the device should run
 * @param variant the variant to install, or null to let the host pick by hardware class (a rollback
 *     to a version the rollout did not plan)
 */
public record DesiredChange(
    String deviceId,
    String hardwareClass,
    String rolloutId,
    String model,
    String version,
    String variant) {
  public DesiredChange {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(rolloutId, "rolloutId");
    Objects.requireNonNull(model, "model");
  }
}
