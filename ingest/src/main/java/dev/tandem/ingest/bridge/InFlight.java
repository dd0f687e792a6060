package dev.tandem.ingest.bridge;

import java.time.Duration;

/** Counts messages between MQTT arrival and their acknowledgement; lets a stop wait for zero. */
final class InFlight {
  private int count;

  synchronized void enter() {
    count++;
  }

  synchronized void leave() {
    if (--count == 0) {
      notifyAll();
    }
  }

  synchronized int count() {
    return count;
  }

  /** Waits until nothing is in flight; false if {@code timeout} passed first. */
  synchronized boolean awaitEmpty(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (count > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
