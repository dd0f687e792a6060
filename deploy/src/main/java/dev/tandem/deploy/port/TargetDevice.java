package dev.tandem.deploy.port;

import java.util.Objects;

/**
 * A device a selector selects, as the fleet knows it.
 *
 * @param id the device id
 * @param hardwareClass its hardware class
 * @param desiredVersion the version of the rollout's model it should run now, or null
 * @param reportedVersion the version of that model it last reported running, or null
 */
public record TargetDevice(
    String id, String hardwareClass, String desiredVersion, String reportedVersion) {
  public TargetDevice {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(hardwareClass, "hardwareClass");
  }

  /** What it runs, or should run, before a rollout changes it: desired, else reported. */
  public String currentVersion() {
    return desiredVersion != null ? desiredVersion : reportedVersion;
  }
}
