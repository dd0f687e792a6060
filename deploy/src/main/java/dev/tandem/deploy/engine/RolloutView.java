package dev.tandem.deploy.engine;

import dev.tandem.deploy.health.CohortStats;
import dev.tandem.deploy.port.RolloutEvent;
import dev.tandem.deploy.port.RolloutRecord;
import dev.tandem.deploy.port.WaveRecord;
import dev.tandem.deploy.state.DeviceUpdateState;
import java.util.List;
import java.util.Map;

/**
 * A rollout as an operator sees it.
 *
 * @param rollout the stored rollout
 * @param devices devices in it
 * @param byState devices per update state (every state listed)
 * @param waves each wave with its counts
 * @param drift devices that run another version than the rollout set on them
 * @param health the cohorts the health gate compares now (empty numbers when the engine does not
 *     drive the rollout any more)
 * @param history its transitions, oldest first
 */
public record RolloutView(
    RolloutRecord rollout,
    int devices,
    Map<DeviceUpdateState, Integer> byState,
    List<WaveView> waves,
    Drift drift,
    Health health,
    List<RolloutEvent> history) {

  /**
   * One wave.
   *
   * @param wave as stored
   * @param active devices ACTIVE
   * @param failed devices failed, reverted, timed out or waiting to retry
   * @param inFlight devices sent the desired state, not yet done
   */
  public record WaveView(WaveRecord wave, int active, int failed, int inFlight) {}

  /**
   * Drift.
   *
   * @param devices how many drifted
   * @param sample up to {@value RolloutView#DRIFT_SAMPLE} of their ids
   * @param republished desired states published again to drifted devices since the engine loaded
   *     the rollout
   */
  public record Drift(int devices, List<String> sample, long republished) {}

  /** The cohorts: devices on the new version, devices on the old one (over the bake window). */
  public record Health(Cohort newVersion, Cohort oldVersion) {}

  /**
   * One cohort.
   *
   * @param inferences counted
   * @param errorRate failed inferences per inference
   * @param meanLatencyMs mean inference latency in milliseconds
   * @param anomalyRate anomalies per inference
   */
  public record Cohort(
      long inferences, double errorRate, double meanLatencyMs, double anomalyRate) {
    static Cohort of(CohortStats stats) {
      return new Cohort(
          stats.inferences(),
          stats.errorRate(),
          stats.meanLatencyMicros() / 1000,
          stats.anomalyRate());
    }
  }

  /** The most drifted device ids a view lists. */
  public static final int DRIFT_SAMPLE = 20;
}
