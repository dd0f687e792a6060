package dev.tandem.deploy.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * A device reported a step of an update ({@code UpdateStepReport}).
 *
 * @param deviceId the device
 * @param rolloutId the rollout it echoes
 * @param model the model
 * @param version the version being installed
 * @param step the step
 * @param reason the device's reason code (FAILED, REVERTED), or empty
 * @param at when the cloud received it
 */
public record UpdateReport(
    String deviceId,
    String rolloutId,
    String model,
    String version,
    ReportedStep step,
    String reason,
    Instant at) {
  public UpdateReport {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(rolloutId, "rolloutId");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(at, "at");
    reason = reason == null ? "" : reason;
  }
}
