package dev.tandem.edge.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters the rollout quality gates compare between old and new versions, monotonic since agent
 * start and reported in {@code DeviceStateReport.counters} under {@link #INFERENCES}, {@link
 * #INFERENCE_ERRORS}, {@link #INFERENCE_LATENCY_US_TOTAL} and {@link #ANOMALIES}.
 */
public final class InferenceCounters {
  public static final String INFERENCES = "inferences";
  public static final String INFERENCE_ERRORS = "inference_errors";
  public static final String INFERENCE_LATENCY_US_TOTAL = "inference_latency_us_total";
  public static final String ANOMALIES = "anomalies";

  private final AtomicLong inferences = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong latencyMicros = new AtomicLong();
  private final AtomicLong anomalies = new AtomicLong();

  void record(long nanos, boolean error, boolean anomaly) {
    inferences.incrementAndGet();
    latencyMicros.addAndGet(nanos / 1_000);
    if (error) {
      errors.incrementAndGet();
    }
    if (anomaly) {
      anomalies.incrementAndGet();
    }
  }

  /** The counters by their report keys. */
  public Map<String, Long> snapshot() {
    Map<String, Long> map = new LinkedHashMap<>();
    map.put(INFERENCES, inferences.get());
    map.put(INFERENCE_ERRORS, errors.get());
    map.put(INFERENCE_LATENCY_US_TOTAL, latencyMicros.get());
    map.put(ANOMALIES, anomalies.get());
    return map;
  }
}
