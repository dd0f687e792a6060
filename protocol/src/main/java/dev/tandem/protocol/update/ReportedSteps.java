package dev.tandem.protocol.update;

import dev.tandem.protocol.v1.EarlierStep;
import dev.tandem.protocol.v1.UpdateStep;
import dev.tandem.protocol.v1.UpdateStepReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The steps one {@link UpdateStepReport} carries: its own (the latest) and the earlier steps of the
 * same update coalesced into it ({@code earlier_steps}), so that a device that reaches several
 * steps within moments sends one message, not one per step.
 */
public final class ReportedSteps {
  /**
   * One step with its own timing.
   *
   * @param step the step reached
   * @param reason empty, or {@code code: detail} for FAILED and REVERTED
   * @param durationMillis time spent in the step before this one
   * @param millisBeforeReport how long before the report's timestamp the step was reached (0 for
   *     the report's own step)
   */
  public record Step(UpdateStep step, String reason, long durationMillis, long millisBeforeReport) {
    public Step {
      Objects.requireNonNull(step, "step");
      reason = reason == null ? "" : reason;
      durationMillis = Math.max(0, durationMillis);
      millisBeforeReport = Math.max(0, millisBeforeReport);
    }
  }

  private ReportedSteps() {}

  /** Every step {@code report} carries, oldest first: its earlier steps, then its own. */
  public static List<Step> of(UpdateStepReport report) {
    List<Step> steps = new ArrayList<>(report.getEarlierStepsCount() + 1);
    for (EarlierStep earlier : report.getEarlierStepsList()) {
      steps.add(
          new Step(
              earlier.getStep(),
              earlier.getReason(),
              earlier.getDurationMs(),
              earlier.getMsBeforeReport()));
    }
    steps.add(new Step(report.getStep(), report.getReason(), report.getDurationMs(), 0));
    return steps;
  }

  /**
   * A report builder carrying {@code steps} (oldest first): the last as the report's own step, the
   * others as its earlier steps. The caller sets the header, rollout, model and version.
   *
   * @throws IllegalArgumentException if {@code steps} is empty
   */
  public static UpdateStepReport.Builder builder(List<Step> steps) {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("steps must name at least one step");
    }
    Step latest = steps.get(steps.size() - 1);
    UpdateStepReport.Builder report =
        UpdateStepReport.newBuilder()
            .setStep(latest.step())
            .setReason(latest.reason())
            .setDurationMs(latest.durationMillis());
    for (Step earlier : steps.subList(0, steps.size() - 1)) {
      report.addEarlierSteps(
          EarlierStep.newBuilder()
              .setStep(earlier.step())
              .setReason(earlier.reason())
              .setDurationMs(earlier.durationMillis())
              .setMsBeforeReport(earlier.millisBeforeReport()));
    }
    return report;
  }
}
