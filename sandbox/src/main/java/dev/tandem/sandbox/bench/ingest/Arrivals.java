package dev.tandem.sandbox.bench.ingest;

import java.time.Duration;

/** Waits for a run's messages to arrive. */
final class Arrivals {
  private Arrivals() {}

  /** Until every message arrived, or nothing arrived for {@code quiet}. */
  static void await(DeliveryLog log, Duration quiet) throws InterruptedException {
    long lastCount = -1;
    long lastChange = System.nanoTime();
    while (log.arrivals() < log.total()) {
      long count = log.arrivals();
      if (count != lastCount) {
        lastCount = count;
        lastChange = System.nanoTime();
      } else if (System.nanoTime() - lastChange > quiet.toNanos()) {
        return;
      }
      Thread.sleep(20);
    }
  }
}
