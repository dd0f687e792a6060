package dev.tandem.sandbox.bench.rollout;

import dev.tandem.protocol.v1.UpdateStep;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What the simulated devices saw and did, counted as it happens (the devices' side of the run). */
final class FleetProgress {
  private final LongAdder desired = new LongAdder();
  private final LongAdder active = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder publishFailures = new LongAdder();
  private final Map<String, LongAdder> failureCodes = new ConcurrentHashMap<>();
  private final AtomicLong lastActiveNanos = new AtomicLong();

  void onDesired() {
    desired.increment();
  }

  void step(UpdateStep step, String reason) {
    if (step == UpdateStep.UPDATE_STEP_ACTIVE) {
      active.increment();
      lastActiveNanos.set(System.nanoTime());
    } else if (step == UpdateStep.UPDATE_STEP_FAILED || step == UpdateStep.UPDATE_STEP_REVERTED) {
      failed.increment();
      int colon = reason.indexOf(':');
      String code = colon < 0 ? reason : reason.substring(0, colon);
      failureCodes.computeIfAbsent(code, c -> new LongAdder()).increment();
    }
  }

  void publishFailed() {
    publishFailures.increment();
  }

  long desired() {
    return desired.sum();
  }

  long active() {
    return active.sum();
  }

  long failed() {
    return failed.sum();
  }

  long publishFailures() {
    return publishFailures.sum();
  }

  /** {@link System#nanoTime} of the last ACTIVE step, 0 if none. */
  long lastActiveNanos() {
    return lastActiveNanos.get();
  }

  /** FAILED and REVERTED reports by reason code. */
  Map<String, Long> failureCodes() {
    Map<String, Long> codes = new TreeMap<>();
    failureCodes.forEach((code, n) -> codes.put(code, n.sum()));
    return codes;
  }
}
