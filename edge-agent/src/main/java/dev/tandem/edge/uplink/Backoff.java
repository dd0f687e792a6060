package dev.tandem.edge.uplink;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: the n-th retry waits a random time in [d/2, d], where d
 * doubles from {@code initial} up to {@code max}. Jitter keeps a fleet that lost its broker at once
 * from reconnecting at once.
 */
final class Backoff {
  private final long initialMillis;
  private final long maxMillis;
  private final RandomGenerator random;
  private long current;

  Backoff(Duration initial, Duration max, RandomGenerator random) {
    this.initialMillis = initial.toMillis();
    this.maxMillis = max.toMillis();
    this.random = random;
    this.current = initialMillis;
  }

  /** The next delay, and doubles the one after. */
  long nextDelayMillis() {
    long ceiling = current;
    current = Math.min(maxMillis, current * 2);
    return ceiling / 2 + random.nextLong(ceiling / 2 + 1);
  }

  void reset() {
    current = initialMillis;
  }
}
