package dev.tandem.deploy.spec;

/**
 * How much worse the devices on the new version may do than those on the old one over a wave's bake
 * time before the wave fails. Rates are per inference.
 *
 * @param maxLatencyIncrease the new mean inference latency may exceed the old by this fraction
 *     (0.2: 20 % slower), at least 0
 * @param maxErrorRateIncrease the new error rate may exceed the old by this much (absolute, 0.01:
 *     one point), 0 to 1
 * @param maxAnomalyRateChange the new anomaly rate may differ from the old, either way, by this
 *     much (absolute), 0 to 1: a model that suddenly sees nothing is as suspect as one that sees
 *     everything
 * @param minInferences how many inferences each cohort needs before the gate judges, at least 0
 * @param requireHealthData whether a wave fails when there are too few inferences to judge
 *     (otherwise it passes, and says so)
 */
public record HealthGateSpec(
    double maxLatencyIncrease,
    double maxErrorRateIncrease,
    double maxAnomalyRateChange,
    long minInferences,
    boolean requireHealthData) {

  /** 25 % slower, one point more errors, five points of anomaly rate, 100 inferences. */
  public static final HealthGateSpec DEFAULT = new HealthGateSpec(0.25, 0.01, 0.05, 100, false);

  public HealthGateSpec {
    SpecException.require(
        maxLatencyIncrease >= 0 && Double.isFinite(maxLatencyIncrease),
        "strategy.gate.maxLatencyIncrease",
        "must be a number of at least 0");
    SpecException.fraction(maxErrorRateIncrease, "strategy.gate.maxErrorRateIncrease");
    SpecException.fraction(maxAnomalyRateChange, "strategy.gate.maxAnomalyRateChange");
    SpecException.require(minInferences >= 0, "strategy.gate.minInferences", "must be at least 0");
  }
}
