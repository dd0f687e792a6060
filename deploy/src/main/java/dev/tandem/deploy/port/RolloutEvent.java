package dev.tandem.deploy.port;

import java.time.Instant;
import java.util.Objects;

/**
 * One transition of a rollout or of one of its waves, kept as its history.
 *
 * @param rolloutId the rollout
 * @param at when
 * @param subject {@code rollout} or {@code wave <n>} (1-based)
 * @param from the state before
 * @param to the state after
 * @param reason why
 * @param actor who: a principal for operator actions, {@code system:rollout-engine} otherwise
 */
public record RolloutEvent(
    String rolloutId,
    Instant at,
    String subject,
    String from,
    String to,
    String reason,
    String actor) {
  /** The actor of transitions the engine makes on its own. */
  public static final String ENGINE = "system:rollout-engine";

  public RolloutEvent {
    Objects.requireNonNull(rolloutId, "rolloutId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(reason, "reason");
  }
}
