package dev.tandem.deploy.spec;

import java.time.Duration;

/**
 * How a device whose update failed (or reverted) is tried again: up to {@code maxRetries} more
 * times, waiting {@code initialBackoff}, doubled per retry up to {@code maxBackoff}.
 *
 * @param maxRetries 0 to 10; 0 never retries
 * @param initialBackoff the wait before the first retry, at least 1 second
 * @param maxBackoff the longest wait, at least {@code initialBackoff}
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

  /** Two retries, after 30 s and 60 s. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(2, Duration.ofSeconds(30), Duration.ofMinutes(10));

  public RetryPolicy {
    SpecException.require(
        maxRetries >= 0 && maxRetries <= 10, "strategy.retry.maxRetries", "must be 0 to 10");
    SpecException.require(
        initialBackoff != null && initialBackoff.compareTo(Duration.ofSeconds(1)) >= 0,
        "strategy.retry.initialBackoff",
        "must be at least 1s");
    SpecException.require(
        maxBackoff != null && maxBackoff.compareTo(initialBackoff) >= 0,
        "strategy.retry.maxBackoff",
        "must be at least initialBackoff");
  }

  /** The wait before retry number {@code retry} (1 for the first). */
  public Duration backoff(int retry) {
    Duration wait = initialBackoff;
    for (int i = 1; i < retry && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
