package dev.tandem.registry.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.deploy.engine.ReportedStep;
import dev.tandem.deploy.engine.UpdateReport;
import dev.tandem.protocol.message.Headers;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.update.ReportedSteps;
import dev.tandem.protocol.v1.UpdateStep;
import dev.tandem.protocol.v1.UpdateStepReport;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One coalesced report becomes the engine's reports of every step, oldest first, each timed. */
class CoalescedUpdateReportsTest {
  private static final long RECEIVED_AT = 1_800_000_000_000L;

  private static UpdateStepReport report(List<ReportedSteps.Step> steps) {
    return ReportedSteps.builder(steps)
        .setHeader(Headers.create(DeviceId.of("dev-9"), 3, Instant.ofEpochMilli(RECEIVED_AT)))
        .setRolloutId("r-1")
        .setModel("m")
        .setVersion("2")
        .build();
  }

  @Test
  void everyStepBecomesAReportInOrderAtTheTimeItWasReached() {
    List<UpdateReport> reports =
        UpdateReportConsumer.reports(
            report(
                List.of(
                    new ReportedSteps.Step(UpdateStep.UPDATE_STEP_RECEIVED, "", 1, 30),
                    new ReportedSteps.Step(UpdateStep.UPDATE_STEP_DOWNLOADING, "", 1, 29),
                    new ReportedSteps.Step(UpdateStep.UPDATE_STEP_VERIFIED, "", 20, 9),
                    new ReportedSteps.Step(UpdateStep.UPDATE_STEP_STAGED, "", 4, 5),
                    new ReportedSteps.Step(UpdateStep.UPDATE_STEP_ACTIVE, "", 5, 0))),
            RECEIVED_AT);

    assertThat(reports)
        .extracting(UpdateReport::step)
        .containsExactly(
            ReportedStep.RECEIVED,
            ReportedStep.DOWNLOADING,
            ReportedStep.VERIFIED,
            ReportedStep.STAGED,
            ReportedStep.ACTIVE);
    assertThat(reports)
        .extracting(r -> r.at().toEpochMilli())
        .containsExactly(
            RECEIVED_AT - 30, RECEIVED_AT - 29, RECEIVED_AT - 9, RECEIVED_AT - 5, RECEIVED_AT);
    assertThat(reports)
        .allSatisfy(
            r -> {
              assertThat(r.deviceId()).isEqualTo("dev-9");
              assertThat(r.rolloutId()).isEqualTo("r-1");
              assertThat(r.version()).isEqualTo("2");
            });
  }

  @Test
  void aFailureKeepsItsReasonAndUnknownStepsAreLeftOut() {
    List<UpdateReport> reports =
        UpdateReportConsumer.reports(
            report(
                List.of(
                    new ReportedSteps.Step(UpdateStep.UPDATE_STEP_UNSPECIFIED, "", 0, 8),
                    new ReportedSteps.Step(UpdateStep.UPDATE_STEP_RECEIVED, "", 0, 7),
                    new ReportedSteps.Step(
                        UpdateStep.UPDATE_STEP_FAILED, "health_check_failed: NaN", 7, 0))),
            RECEIVED_AT);

    assertThat(reports)
        .extracting(UpdateReport::step, UpdateReport::reason)
        .containsExactly(
            tuple(ReportedStep.RECEIVED, ""),
            tuple(ReportedStep.FAILED, "health_check_failed: NaN"));
  }
}
