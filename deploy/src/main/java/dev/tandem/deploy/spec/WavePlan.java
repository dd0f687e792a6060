package dev.tandem.deploy.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How targeted devices are split into waves: cumulative percentages ({@code 1, 10, 50, 100}) or
 * cumulative device counts ({@code 5, 50, 500}). The last wave always takes every device left, so
 * {@code 1, 10, 50} behaves as {@code 1, 10, 50, 100}.
 *
 * @param kind percentages or counts
 * @param steps strictly increasing, 1 to {@value #MAX_WAVES} of them
 */
public record WavePlan(Kind kind, List<Integer> steps) {

  /** The most waves one rollout may have. */
  public static final int MAX_WAVES = 20;

  /** How {@link #steps} count. */
  public enum Kind {
    /** Cumulative percent of the targeted devices, 1 to 100. */
    PERCENT,
    /** Cumulative number of devices, at least 1. */
    COUNT
  }

  public WavePlan {
    SpecException.require(kind != null, "strategy.waves.kind", "must be PERCENT or COUNT");
    SpecException.require(
        steps != null && !steps.isEmpty() && steps.size() <= MAX_WAVES,
        "strategy.waves.steps",
        "must list 1 to " + MAX_WAVES + " waves");
    steps = List.copyOf(steps);
    int previous = 0;
    for (int i = 0; i < steps.size(); i++) {
      int step = Objects.requireNonNull(steps.get(i), "step");
      String field = "strategy.waves.steps[" + i + "]";
      SpecException.require(step > previous, field, "must be above the step before, got " + step);
      SpecException.require(
          kind != Kind.PERCENT || step <= 100, field, "a percentage must be at most 100");
      previous = step;
    }
  }

  /** One wave of everything. */
  public static WavePlan allAtOnce() {
    return new WavePlan(Kind.PERCENT, List.of(100));
  }

  /**
   * The cumulative number of devices at the end of each wave, for {@code devices} targeted devices.
   * A percentage wave of a non-empty fleet takes at least one device more than the wave before it
   * while devices are left; the last wave ends at {@code devices}.
   */
  public List<Integer> cumulative(int devices) {
    List<Integer> ends = new ArrayList<>();
    int previous = 0;
    for (int i = 0; i < steps.size(); i++) {
      int end;
      if (i == steps.size() - 1) {
        end = devices;
      } else if (kind == Kind.COUNT) {
        end = Math.min(devices, steps.get(i));
      } else {
        end = (int) Math.min(devices, Math.ceil(devices * (steps.get(i) / 100.0)));
        end = Math.max(end, Math.min(devices, previous + 1));
      }
      ends.add(end);
      previous = end;
    }
    return ends;
  }
}
