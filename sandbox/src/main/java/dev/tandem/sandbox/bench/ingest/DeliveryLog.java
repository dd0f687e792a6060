package dev.tandem.sandbox.bench.ingest;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When each message was published and whether (and how fast) it arrived. Indexed by device and
 * sequence, so the audit by sequence numbers is exact and recording allocates nothing.
 */
final class DeliveryLog {
  private final int devices;
  private final int perDevice;
  private final long[] sentNanos;
  private final long[] latencyNanos;
  private final AtomicLong arrivals = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private volatile long lastArrivalNanos;

  DeliveryLog(int devices, int perDevice) {
    this.devices = devices;
    this.perDevice = perDevice;
    this.sentNanos = new long[devices * perDevice];
    this.latencyNanos = new long[devices * perDevice];
  }

  int total() {
    return devices * perDevice;
  }

  void sent(int device, long sequence) {
    sentNanos[index(device, sequence)] = System.nanoTime();
  }

  void arrived(int device, long sequence) {
    int i = index(device, sequence);
    long now = System.nanoTime();
    synchronized (this) {
      if (latencyNanos[i] != 0) {
        duplicates.incrementAndGet();
        return;
      }
      latencyNanos[i] = Math.max(1, now - sentNanos[i]);
    }
    arrivals.incrementAndGet();
    lastArrivalNanos = now;
  }

  long arrivals() {
    return arrivals.get();
  }

  long duplicates() {
    return duplicates.get();
  }

  long lastArrivalNanos() {
    return lastArrivalNanos;
  }

  /** Messages sent that never arrived. */
  synchronized long missing() {
    return Arrays.stream(latencyNanos).filter(l -> l == 0).count();
  }

  /** Latency percentile in milliseconds over the messages that arrived. */
  synchronized double percentileMillis(double p) {
    long[] arrived = Arrays.stream(latencyNanos).filter(l -> l != 0).sorted().toArray();
    if (arrived.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.min(arrived.length - 1, Math.ceil(p * arrived.length) - 1);
    return arrived[Math.max(0, rank)] / 1e6;
  }

  private int index(int device, long sequence) {
    return device * perDevice + (int) (sequence - 1);
  }
}
