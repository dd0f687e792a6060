package dev.tandem.deploy.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** Time that moves only when a test says so. */
final class MovableClock implements InstantSource {
  private Instant now;

  MovableClock(Instant start) {
    this.now = start;
  }

  @Override
  public Instant instant() {
    return now;
  }

  void advance(Duration by) {
    now = now.plus(by);
  }
}
