package dev.tandem.nab.score;

import java.util.List;

/**
 * A NAB application profile: what a true positive earns and what a false positive and a missed
 * window cost.
 */
public record CostProfile(String name, double tpWeight, double fpWeight, double fnWeight) {
  public static final CostProfile STANDARD = new CostProfile("standard", 1.0, 0.11, 1.0);
  public static final CostProfile REWARD_LOW_FP_RATE =
      new CostProfile("reward_low_FP_rate", 1.0, 0.22, 1.0);
  public static final CostProfile REWARD_LOW_FN_RATE =
      new CostProfile("reward_low_FN_rate", 1.0, 0.11, 2.0);

  public CostProfile {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("profile name must not be blank");
    }
    check("tpWeight", tpWeight);
    check("fpWeight", fpWeight);
    check("fnWeight", fnWeight);
  }

  /** NAB's three profiles: standard, reward_low_FP_rate, reward_low_FN_rate. */
  public static List<CostProfile> nab() {
    return List.of(STANDARD, REWARD_LOW_FP_RATE, REWARD_LOW_FN_RATE);
  }

  private static void check(String parameter, double weight) {
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException(parameter + " must be finite and >= 0, got " + weight);
    }
  }
}
