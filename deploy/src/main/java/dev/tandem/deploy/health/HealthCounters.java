package dev.tandem.deploy.health;

import java.util.Map;

/**
 * The counters a device reports in {@code DeviceStateReport.counters}, monotonic since the agent
 * started (a drop means it restarted).
 *
 * @param inferences inferences run ({@value #INFERENCES})
 * @param errors inferences that failed ({@value #INFERENCE_ERRORS})
 * @param latencyMicros total inference latency in microseconds ({@value #LATENCY_TOTAL})
 * @param anomalies inferences that flagged an anomaly ({@value #ANOMALIES})
 */
public record HealthCounters(long inferences, long errors, long latencyMicros, long anomalies) {

  /** Counter key: inferences run. */
  public static final String INFERENCES = "inferences";

  /** Counter key: inferences that failed. */
  public static final String INFERENCE_ERRORS = "inference_errors";

  /** Counter key: total inference latency in microseconds. */
  public static final String LATENCY_TOTAL = "inference_latency_us_total";

  /** Counter key: inferences that flagged an anomaly. */
  public static final String ANOMALIES = "anomalies";

  /** Nothing counted. */
  public static final HealthCounters ZERO = new HealthCounters(0, 0, 0, 0);

  /** The health counters in a report's counters; missing keys count 0. */
  public static HealthCounters of(Map<String, Long> counters) {
    return new HealthCounters(
        counters.getOrDefault(INFERENCES, 0L),
        counters.getOrDefault(INFERENCE_ERRORS, 0L),
        counters.getOrDefault(LATENCY_TOTAL, 0L),
        counters.getOrDefault(ANOMALIES, 0L));
  }

  /**
   * What happened between {@code before} and this report. If any counter went down the agent
   * restarted, and everything it counts now happened since: the whole report is the delta.
   */
  public HealthCounters since(HealthCounters before) {
    if (inferences < before.inferences
        || errors < before.errors
        || latencyMicros < before.latencyMicros
        || anomalies < before.anomalies) {
      return this;
    }
    return new HealthCounters(
        inferences - before.inferences,
        errors - before.errors,
        latencyMicros - before.latencyMicros,
        anomalies - before.anomalies);
  }
}
