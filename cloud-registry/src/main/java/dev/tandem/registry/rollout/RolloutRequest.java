package dev.tandem.registry.rollout;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/rollouts}, and the {@code spec} of every rollout the API shows.
 * Omitted strategy fields take the defaults of docs/rollouts.md; durations are ISO-8601 ({@code
 * PT5M}) or a number with a unit ({@code 300ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}).
 *
 * @param model the model name
 * @param version the version to install
 * @param variants hardware class to variant, overriding the version's own choice (the first variant
 *     that lists the class); may be omitted
 * @param selector which devices (docs/provisioning.md); omitted or empty: every active device
 * @param strategy how; may be omitted for the defaults
 */
public record RolloutRequest(
    String model,
    String version,
    Map<String, String> variants,
    String selector,
    StrategyRequest strategy) {

  /**
   * How the rollout proceeds.
   *
   * @param waves {@code {"percent": [1, 10, 50, 100]}} or {@code {"counts": [5, 50]}}
   * @param successThreshold fraction of a wave ACTIVE before it bakes (0.9)
   * @param failureThreshold fraction of a wave failed before the rollout stops (0.1)
   * @param bakeTime time a wave bakes, health-gated (5m)
   * @param maxConcurrent most devices updating at once, 0 for no limit (0)
   * @param window UTC hours and days updates may be sent in (always)
   * @param onFailure PAUSE, ROLLBACK or FAIL (PAUSE)
   * @param deviceDeadline time a device has to become ACTIVE once sent (24h)
   * @param retry retries of failed devices (2 retries, 30s doubling up to 10m)
   * @param gate health gate tolerances
   */
  public record StrategyRequest(
      WavesRequest waves,
      Double successThreshold,
      Double failureThreshold,
      String bakeTime,
      Integer maxConcurrent,
      WindowRequest window,
      String onFailure,
      String deviceDeadline,
      RetryRequest retry,
      GateRequest gate) {}

  /** One of {@code percent} or {@code counts}, cumulative. */
  public record WavesRequest(List<Integer> percent, List<Integer> counts) {}

  /** {@code [startHour, endHour)} UTC on {@code days} (e.g. {@code MONDAY}); all days if empty. */
  public record WindowRequest(Integer startHour, Integer endHour, List<String> days) {}

  /** Retries: how many, first wait, longest wait. */
  public record RetryRequest(Integer maxRetries, String initialBackoff, String maxBackoff) {}

  /** Health-gate tolerances (see {@link dev.tandem.deploy.spec.HealthGateSpec}). */
  public record GateRequest(
      Double maxLatencyIncrease,
      Double maxErrorRateIncrease,
      Double maxAnomalyRateChange,
      Long minInferences,
      Boolean requireHealthData) {}
}
