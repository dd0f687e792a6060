package dev.tandem.edge.output;

import java.time.InstantSource;

/**
 * A token bucket of bytes: refills at {@code bytesPerSecond} up to one second's worth, so raw
 * samples never take more of the uplink than they are allowed.
 */
final class ByteBudget {
  private final long bytesPerSecond;
  private final InstantSource clock;
  private double available;
  private long lastRefillMillis;

  ByteBudget(long bytesPerSecond, InstantSource clock) {
    this.bytesPerSecond = bytesPerSecond;
    this.clock = clock;
    this.available = bytesPerSecond;
    this.lastRefillMillis = clock.millis();
  }

  /** Takes {@code bytes} if available and says whether it did. */
  synchronized boolean tryTake(int bytes) {
    long now = clock.millis();
    available =
        Math.min(bytesPerSecond, available + (now - lastRefillMillis) * bytesPerSecond / 1000.0);
    lastRefillMillis = now;
    if (bytes > available) {
      return false;
    }
    available -= bytes;
    return true;
  }
}
