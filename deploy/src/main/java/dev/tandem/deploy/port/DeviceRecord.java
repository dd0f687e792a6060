package dev.tandem.deploy.port;

import dev.tandem.deploy.state.DeviceUpdateState;
import java.time.Instant;
import java.util.Objects;

/**
 * One device's update in one rollout, as stored.
 *
 * @param deviceId the device
 * @param hardwareClass its hardware class when it joined the rollout
 * @param variant the variant it installs, or null when its class has none
 * @param wave the index of its wave
 * @param state where its update is
 * @param reason why it entered that state (a device's reason code for FAILED and REVERTED)
 * @param attempts how many times the desired state was sent for an update (retries count)
 * @param previousVersion what it ran or should have run before, restored by a rollback; null if it
 *     had no version of the model
 * @param sentAt when its desired state was last published, or null
 * @param retryAt when it is sent again (RETRY_WAIT), or null
 * @param reportedVersion the version of the model it last reported running, or null
 * @param updatedAt when its state last changed
 */
public record DeviceRecord(
    String deviceId,
    String hardwareClass,
    String variant,
    int wave,
    DeviceUpdateState state,
    String reason,
    int attempts,
    String previousVersion,
    Instant sentAt,
    Instant retryAt,
    String reportedVersion,
    Instant updatedAt) {
  public DeviceRecord {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(reason, "reason");
  }

  /** This update in {@code to}, for {@code why}; a legal move only. */
  public DeviceRecord moved(DeviceUpdateState to, String why, Instant at) {
    return new DeviceRecord(
        deviceId,
        hardwareClass,
        variant,
        wave,
        state.moveTo(to),
        why,
        attempts,
        previousVersion,
        sentAt,
        to == DeviceUpdateState.RETRY_WAIT ? retryAt : null,
        reportedVersion,
        at);
  }

  /** This update sent (again) at {@code at}: one more attempt when {@code attempt}. */
  public DeviceRecord sent(Instant at, boolean attempt) {
    return new DeviceRecord(
        deviceId,
        hardwareClass,
        variant,
        wave,
        state,
        reason,
        attempt ? attempts + 1 : attempts,
        previousVersion,
        at,
        retryAt,
        reportedVersion,
        updatedAt);
  }

  /** This update waiting until {@code at} for its next attempt. */
  public DeviceRecord retryingAt(Instant at) {
    return new DeviceRecord(
        deviceId,
        hardwareClass,
        variant,
        wave,
        state,
        reason,
        attempts,
        previousVersion,
        sentAt,
        at,
        reportedVersion,
        updatedAt);
  }

  /** This update with the device reporting {@code version}. */
  public DeviceRecord reporting(String version) {
    return new DeviceRecord(
        deviceId,
        hardwareClass,
        variant,
        wave,
        state,
        reason,
        attempts,
        previousVersion,
        sentAt,
        retryAt,
        version,
        updatedAt);
  }
}
