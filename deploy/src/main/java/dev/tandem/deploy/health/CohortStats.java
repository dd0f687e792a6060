package dev.tandem.deploy.health;

/**
 * Health counted over a cohort of devices (those on one version) over a time window; mutable, owned
 * by one rollout.
 */
public final class CohortStats {
  private long inferences;
  private long errors;
  private long latencyMicros;
  private long anomalies;
  private long reports;

  /** Adds one report's delta. */
  public void add(HealthCounters delta) {
    inferences += delta.inferences();
    errors += delta.errors();
    latencyMicros += delta.latencyMicros();
    anomalies += delta.anomalies();
    reports++;
  }

  /** Forgets everything counted. */
  public void reset() {
    inferences = errors = latencyMicros = anomalies = reports = 0;
  }

  public long inferences() {
    return inferences;
  }

  /** State reports that contributed. */
  public long reports() {
    return reports;
  }

  /** Failed inferences per inference, 0 without inferences. */
  public double errorRate() {
    return inferences == 0 ? 0 : (double) errors / inferences;
  }

  /** Mean latency per inference in microseconds, 0 without inferences. */
  public double meanLatencyMicros() {
    return inferences == 0 ? 0 : (double) latencyMicros / inferences;
  }

  /** Anomalies per inference, 0 without inferences. */
  public double anomalyRate() {
    return inferences == 0 ? 0 : (double) anomalies / inferences;
  }

  /** A copy, for a snapshot. */
  public CohortStats copy() {
    CohortStats copy = new CohortStats();
    copy.inferences = inferences;
    copy.errors = errors;
    copy.latencyMicros = latencyMicros;
    copy.anomalies = anomalies;
    copy.reports = reports;
    return copy;
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "%d inferences, error rate %.4f, mean latency %.0f us, anomaly rate %.4f",
        inferences,
        errorRate(),
        meanLatencyMicros(),
        anomalyRate());
  }
}
