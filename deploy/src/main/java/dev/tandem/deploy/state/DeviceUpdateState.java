package dev.tandem.deploy.state;

import java.util.EnumSet;
import java.util.Set;

/**
 * The update of one device in one rollout.
 *
 * <pre>
 * PENDING -> DESIRED_SENT -> RECEIVED -> DOWNLOADING -> VERIFIED -> STAGED -> ACTIVE
 *                  (any step may skip ahead; device reports can be lost)
 * in flight -> FAILED | REVERTED | TIMED_OUT        ACTIVE -> REVERTED
 * FAILED | REVERTED -> RETRY_WAIT -> DESIRED_SENT   (bounded retries with backoff)
 * TIMED_OUT -> any later step (a device back from offline still updates)
 * any touched state -> ROLLED_BACK
 * </pre>
 */
public enum DeviceUpdateState {
  /** In the rollout, not yet sent anything (its wave has not started, or no slot was free). */
  PENDING,
  /** The desired state was published to it. */
  DESIRED_SENT,
  /** It reported the desired state received. */
  RECEIVED,
  /** It reported downloading the artifact. */
  DOWNLOADING,
  /** It reported the signature, length and digest verified. */
  VERIFIED,
  /** It reported the new version staged next to the running one. */
  STAGED,
  /** It runs the new version (reported ACTIVE, or a state report names the version). */
  ACTIVE,
  /** It reported a failure, or cannot be served (no variant for its hardware class). */
  FAILED,
  /** Failed, waiting for its next attempt. */
  RETRY_WAIT,
  /** Did not become ACTIVE within the device deadline; counts as failed. */
  TIMED_OUT,
  /** It reverted to its previous version after the new one failed its health check. */
  REVERTED,
  /** The rollout was rolled back: it was sent its previous version. */
  ROLLED_BACK;

  private static final Set<DeviceUpdateState> IN_FLIGHT =
      EnumSet.of(DESIRED_SENT, RECEIVED, DOWNLOADING, VERIFIED, STAGED);
  private static final Set<DeviceUpdateState> FAILED_STATES =
      EnumSet.of(FAILED, RETRY_WAIT, TIMED_OUT, REVERTED);

  /** The states this one may move to. */
  public Set<DeviceUpdateState> next() {
    return switch (this) {
      case PENDING -> EnumSet.of(DESIRED_SENT, FAILED);
      case DESIRED_SENT ->
          EnumSet.of(
              RECEIVED,
              DOWNLOADING,
              VERIFIED,
              STAGED,
              ACTIVE,
              FAILED,
              REVERTED,
              TIMED_OUT,
              ROLLED_BACK);
      case RECEIVED ->
          EnumSet.of(
              DOWNLOADING, VERIFIED, STAGED, ACTIVE, FAILED, REVERTED, TIMED_OUT, ROLLED_BACK);
      case DOWNLOADING ->
          EnumSet.of(VERIFIED, STAGED, ACTIVE, FAILED, REVERTED, TIMED_OUT, ROLLED_BACK);
      case VERIFIED -> EnumSet.of(STAGED, ACTIVE, FAILED, REVERTED, TIMED_OUT, ROLLED_BACK);
      case STAGED -> EnumSet.of(ACTIVE, FAILED, REVERTED, TIMED_OUT, ROLLED_BACK);
      case ACTIVE -> EnumSet.of(REVERTED, ROLLED_BACK);
      case FAILED, REVERTED -> EnumSet.of(RETRY_WAIT, ROLLED_BACK);
      case RETRY_WAIT -> EnumSet.of(DESIRED_SENT, ROLLED_BACK);
      case TIMED_OUT ->
          EnumSet.of(
              RECEIVED, DOWNLOADING, VERIFIED, STAGED, ACTIVE, FAILED, REVERTED, ROLLED_BACK);
      case ROLLED_BACK -> EnumSet.noneOf(DeviceUpdateState.class);
    };
  }

  /** Whether it may move to {@code to}. */
  public boolean canMoveTo(DeviceUpdateState to) {
    return next().contains(to);
  }

  /**
   * Checks the move.
   *
   * @throws IllegalTransitionException if it is not legal
   */
  public DeviceUpdateState moveTo(DeviceUpdateState to) {
    if (!canMoveTo(to)) {
      throw new IllegalTransitionException("a device update", this, to);
    }
    return to;
  }

  /** Sent the desired state and not yet ACTIVE or failed: holds a concurrency slot. */
  public boolean inFlight() {
    return IN_FLIGHT.contains(this);
  }

  /** Counts against the failure threshold. */
  public boolean failed() {
    return FAILED_STATES.contains(this);
  }

  /** Was sent the rollout's version at some point. */
  public boolean touched() {
    return this != PENDING;
  }
}
