package dev.tandem.sandbox.bench.rollout;

import java.util.Map;

/** The benchmark's simulated devices as the benchmark sees them, in this JVM or in a child one. */
interface SimulatedFleet extends AutoCloseable {
  int size();

  /** Devices whose models answer NaN. */
  int broken();

  /** Whether device {@code index} (its place in the id list) is a broken one. */
  boolean isBroken(int index);

  long desiredReceived();

  long activeReports();

  long failedReports();

  long publishFailures();

  /** FAILED and REVERTED reports by reason code. */
  Map<String, Long> failureCodes();

  /** Response body bytes the devices received (artifacts, and any error bodies). */
  long downloadedBytes();

  long httpResponses();

  /** CPU time the devices used so far, nanoseconds; -1 when they run in the benchmark's JVM. */
  long cpuNanos();

  @Override
  void close();
}
