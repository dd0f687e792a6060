package dev.tandem.deploy.port;

import dev.tandem.deploy.spec.RolloutSpec;
import dev.tandem.deploy.state.RolloutState;
import java.time.Instant;
import java.util.Objects;

/**
 * A rollout as stored.
 *
 * @param id its id
 * @param spec what it installs, where and how
 * @param state where it is
 * @param reason why it entered that state
 * @param currentWave the index of the wave in progress (or last reached)
 * @param following whether devices that join its selection later still get its version (a completed
 *     rollout that no newer one of the model replaced)
 * @param createdBy who created it
 * @param createdAt when
 * @param updatedAt when it last changed
 */
public record RolloutRecord(
    String id,
    RolloutSpec spec,
    RolloutState state,
    String reason,
    int currentWave,
    boolean following,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {
  public RolloutRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(reason, "reason");
  }

  /** This record in {@code to} for {@code why}, at {@code at}. */
  public RolloutRecord moved(RolloutState to, String why, Instant at) {
    return new RolloutRecord(
        id, spec, state.moveTo(to), why, currentWave, following, createdBy, createdAt, at);
  }

  /** This record at wave {@code wave}. */
  public RolloutRecord atWave(int wave, Instant at) {
    return new RolloutRecord(id, spec, state, reason, wave, following, createdBy, createdAt, at);
  }

  /** This record following (or not) devices that join later. */
  public RolloutRecord following(boolean follow, Instant at) {
    return new RolloutRecord(
        id, spec, state, reason, currentWave, follow, createdBy, createdAt, at);
  }
}
