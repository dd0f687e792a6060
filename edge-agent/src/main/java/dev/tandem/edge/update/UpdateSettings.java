package dev.tandem.edge.update;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code updates:} section of the agent configuration.
 *
 * @param dir where models, partial downloads and trusted metadata live
 * @param pinnedRoot the root metadata pinned at provisioning (root.json from enrollment)
 * @param keepVersions versions kept on disk per model, the active one included (at least 2)
 * @param downloadTimeout limit for one whole download, retries included
 * @param connectTimeout limit for connecting and for the response headers
 * @param downloadAttempts how often a broken download is tried (resuming where it stopped)
 * @param healthInputs recent inputs remembered for the health check
 * @param latencyBudget the slowest one inference may be in the health check
 * @param probationInferences inferences a new version is watched for after its switch (0: none)
 * @param maxErrorRate share of probation inferences that may fail before the version is reverted
 * @param controlPlane base URL of the control plane, to refetch an expired download URL; optional
 * @param deviceToken the device token for {@code controlPlane}; required with it
 */
public record UpdateSettings(
    Path dir,
    Path pinnedRoot,
    int keepVersions,
    Duration downloadTimeout,
    Duration connectTimeout,
    int downloadAttempts,
    int healthInputs,
    Duration latencyBudget,
    int probationInferences,
    double maxErrorRate,
    Optional<URI> controlPlane,
    Optional<String> deviceToken) {

  /** Validates the settings; messages name the YAML key. */
  public UpdateSettings {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(pinnedRoot, "pinnedRoot");
    Objects.requireNonNull(downloadTimeout, "downloadTimeout");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(latencyBudget, "latencyBudget");
    Objects.requireNonNull(controlPlane, "controlPlane");
    Objects.requireNonNull(deviceToken, "deviceToken");
    if (keepVersions < 2) {
      throw new IllegalArgumentException(
          "keep-versions must be at least 2 (the active version and one to roll back to), got "
              + keepVersions);
    }
    if (downloadTimeout.isNegative() || downloadTimeout.isZero()) {
      throw new IllegalArgumentException("download-timeout must be positive");
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connect-timeout must be positive");
    }
    if (downloadAttempts < 1) {
      throw new IllegalArgumentException("download-attempts must be at least 1");
    }
    if (!(maxErrorRate >= 0 && maxErrorRate <= 1)) {
      throw new IllegalArgumentException("max-error-rate must be between 0 and 1");
    }
    if (controlPlane.isPresent() != deviceToken.isPresent()) {
      throw new IllegalArgumentException("control-plane and device-token go together");
    }
    controlPlane.ifPresent(
        uri -> {
          if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException(
                "control-plane must be an http:// or https:// URL, got '" + uri + "'");
          }
        });
  }

  /** Settings with defaults for everything but the directories. */
  public static UpdateSettings defaults(Path dir, Path pinnedRoot) {
    return new UpdateSettings(
        dir,
        pinnedRoot,
        3,
        Duration.ofMinutes(5),
        Duration.ofSeconds(10),
        3,
        32,
        Duration.ofMillis(50),
        100,
        0.05,
        Optional.empty(),
        Optional.empty());
  }
}
