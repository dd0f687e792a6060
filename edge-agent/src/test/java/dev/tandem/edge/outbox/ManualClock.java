package dev.tandem.edge.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that tests move by hand. */
final class ManualClock implements InstantSource {
  private volatile long millis;

  ManualClock(long startMillis) {
    this.millis = startMillis;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis);
  }

  @Override
  public long millis() {
    return millis;
  }

  void advance(Duration duration) {
    millis += duration.toMillis();
  }
}
