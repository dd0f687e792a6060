package dev.tandem.edge.model;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches a newly activated version over its first {@code length} inferences: once more than {@code
 * maxErrors} of them threw or gave non-finite outputs, it fails (once). No timers: it is judged on
 * the inference path, so a simulated fleet needs no thread per device.
 */
final class Probation {
  enum Verdict {
    PENDING,
    PASSED,
    FAILED
  }

  private final String version;
  private final int length;
  private final int maxErrors;
  private final AtomicInteger seen = new AtomicInteger();
  private final AtomicInteger crashes = new AtomicInteger();
  private final AtomicInteger invalid = new AtomicInteger();
  private final AtomicBoolean decided = new AtomicBoolean();

  Probation(String version, int length, double maxErrorRate) {
    this.version = version;
    this.length = length;
    this.maxErrors = (int) Math.floor(maxErrorRate * length);
  }

  String version() {
    return version;
  }

  /** Counts one inference; answers a verdict only the first time one is reached. */
  Verdict observe(boolean crashed, boolean invalidOutput) {
    int n = seen.incrementAndGet();
    if (crashed) {
      crashes.incrementAndGet();
    }
    if (invalidOutput) {
      invalid.incrementAndGet();
    }
    if (crashes.get() + invalid.get() > maxErrors) {
      return decided.compareAndSet(false, true) ? Verdict.FAILED : Verdict.PENDING;
    }
    if (n >= length) {
      return decided.compareAndSet(false, true) ? Verdict.PASSED : Verdict.PENDING;
    }
    return Verdict.PENDING;
  }

  /** Whether crashes, rather than invalid outputs, are most of the failures. */
  boolean mostlyCrashes() {
    return crashes.get() >= invalid.get();
  }

  String detail() {
    return crashes.get()
        + " exceptions and "
        + invalid.get()
        + " non-finite or misshapen outputs in the first "
        + seen.get()
        + " inferences of version "
        + version
        + " (at most "
        + maxErrors
        + " of "
        + length
        + " allowed)";
  }
}
