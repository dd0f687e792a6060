package dev.tandem.deploy.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How the engine paces work that is not per tick.
 *
 * @param reconcileInterval the least time between two re-publications of a drifted device's desired
 *     state
 * @param membershipInterval how often a rollout's selector is evaluated again for devices that
 *     joined later
 */
public record EngineSettings(Duration reconcileInterval, Duration membershipInterval) {

  /** Reconcile at most once a minute per device; look for joiners every 30 seconds. */
  public static final EngineSettings DEFAULT =
      new EngineSettings(Duration.ofMinutes(1), Duration.ofSeconds(30));

  public EngineSettings {
    Objects.requireNonNull(reconcileInterval, "reconcileInterval");
    Objects.requireNonNull(membershipInterval, "membershipInterval");
    if (reconcileInterval.isNegative() || membershipInterval.isNegative()) {
      throw new IllegalArgumentException("intervals must not be negative");
    }
  }
}
