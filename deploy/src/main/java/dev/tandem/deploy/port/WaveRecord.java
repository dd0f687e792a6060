package dev.tandem.deploy.port;

import dev.tandem.deploy.state.WavePhase;
import java.time.Instant;

/**
 * One wave as stored.
 *
 * @param index 0-based
 * @param size devices in it (late joiners add to the last wave)
 * @param phase where it is
 * @param startedAt when it started updating, or null
 * @param bakingSince when its bake (last) started, or null
 * @param finishedAt when it passed or stopped, or null
 * @param acceptedFailures failures an operator accepted by resuming; they no longer count against
 *     the failure threshold
 * @param reason why it is in its phase
 */
public record WaveRecord(
    int index,
    int size,
    WavePhase phase,
    Instant startedAt,
    Instant bakingSince,
    Instant finishedAt,
    int acceptedFailures,
    String reason) {

  /** This wave in {@code to}, for {@code why}. */
  public WaveRecord moved(WavePhase to, String why, Instant at) {
    WavePhase next = phase.moveTo(to);
    return new WaveRecord(
        index,
        size,
        next,
        next == WavePhase.UPDATING && startedAt == null ? at : startedAt,
        next == WavePhase.BAKING ? at : bakingSince,
        next == WavePhase.PASSED || next == WavePhase.STOPPED ? at : null,
        acceptedFailures,
        why);
  }

  /** This wave with {@code size} devices. */
  public WaveRecord resized(int newSize) {
    return new WaveRecord(
        index, newSize, phase, startedAt, bakingSince, finishedAt, acceptedFailures, reason);
  }

  /** This wave accepting {@code failures} failures. */
  public WaveRecord accepting(int failures) {
    return new WaveRecord(index, size, phase, startedAt, bakingSince, finishedAt, failures, reason);
  }
}
