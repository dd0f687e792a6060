package dev.tandem.deploy.spec;

import java.time.Duration;
import java.util.Optional;

/**
 * How a rollout proceeds.
 *
 * @param waves how devices are split into waves
 * @param successThreshold the fraction of a wave's devices that must be ACTIVE before it bakes, 0
 *     to 1
 * @param failureThreshold the fraction of a wave's devices that may have failed (failed, reverted,
 *     timed out or waiting to retry) before the rollout stops, 0 to 1
 * @param bakeTime how long a wave runs, health-gated, before the next starts, 0 to 7 days
 * @param maxConcurrent the most devices updating at once (desired sent, not yet ACTIVE or failed);
 *     0 for no limit
 * @param window when updates may be sent; empty for always
 * @param onFailure what to do when a wave fails
 * @param deviceDeadline how long a device has, from the desired state being sent, to become ACTIVE
 *     before it counts as failed (TIMED_OUT); devices offline meanwhile update when they return
 * @param retry how failed devices are retried
 * @param gate the health gate each wave passes before the next starts
 */
public record Strategy(
    WavePlan waves,
    double successThreshold,
    double failureThreshold,
    Duration bakeTime,
    int maxConcurrent,
    Optional<TimeWindow> window,
    OnFailure onFailure,
    Duration deviceDeadline,
    RetryPolicy retry,
    HealthGateSpec gate) {

  /** The longest bake time. */
  public static final Duration MAX_BAKE = Duration.ofDays(7);

  public Strategy {
    SpecException.require(waves != null, "strategy.waves", "is required");
    SpecException.fraction(successThreshold, "strategy.successThreshold");
    SpecException.fraction(failureThreshold, "strategy.failureThreshold");
    SpecException.require(
        bakeTime != null && !bakeTime.isNegative() && bakeTime.compareTo(MAX_BAKE) <= 0,
        "strategy.bakeTime",
        "must be 0s to " + MAX_BAKE.toDays() + "d");
    SpecException.require(maxConcurrent >= 0, "strategy.maxConcurrent", "must be at least 0");
    window = window == null ? Optional.empty() : window;
    SpecException.require(
        onFailure != null, "strategy.onFailure", "must be PAUSE, ROLLBACK or FAIL");
    SpecException.require(
        deviceDeadline != null && deviceDeadline.compareTo(Duration.ofSeconds(1)) >= 0,
        "strategy.deviceDeadline",
        "must be at least 1s");
    SpecException.require(retry != null, "strategy.retry", "is required");
    SpecException.require(gate != null, "strategy.gate", "is required");
  }

  /** The defaults with these waves: see docs/rollouts.md for every default. */
  public static Strategy defaults(WavePlan waves) {
    return new Strategy(
        waves,
        0.9,
        0.1,
        Duration.ofMinutes(5),
        0,
        Optional.empty(),
        OnFailure.PAUSE,
        Duration.ofHours(24),
        RetryPolicy.DEFAULT,
        HealthGateSpec.DEFAULT);
  }
}
