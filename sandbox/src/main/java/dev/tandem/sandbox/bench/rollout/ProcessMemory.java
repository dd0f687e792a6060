package dev.tandem.sandbox.bench.rollout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples a process's resident set size (Linux {@code /proc/<pid>/status}) on a daemon thread and
 * keeps the peak seen; 0 where {@code /proc} is not there.
 */
final class ProcessMemory implements AutoCloseable {
  private final Path status;
  private final AtomicLong peakBytes = new AtomicLong();
  private final Thread sampler;
  private volatile boolean running = true;

  ProcessMemory(long pid) {
    this.status = Path.of("/proc", Long.toString(pid), "status");
    this.sampler = new Thread(this::sample, "bench-rss");
    sampler.setDaemon(true);
    sampler.start();
  }

  private void sample() {
    while (running) {
      peakBytes.accumulateAndGet(rssBytes(), Math::max);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The resident set size now, in bytes. */
  long rssBytes() {
    return field("VmRSS:");
  }

  /** The highest resident set size since the process started (the kernel's high-water mark). */
  long lifetimePeakBytes() {
    return field("VmHWM:");
  }

  /** The highest resident set size sampled while this meter ran. */
  long peakBytes() {
    return Math.max(peakBytes.get(), rssBytes());
  }

  private long field(String name) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith(name)) {
          String kb = line.substring(name.length()).strip().split("\\s+")[0];
          return Long.parseLong(kb) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // No /proc, or the process is gone.
    }
    return 0;
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
