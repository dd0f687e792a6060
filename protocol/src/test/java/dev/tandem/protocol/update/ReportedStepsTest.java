package dev.tandem.protocol.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.message.Headers;
import dev.tandem.protocol.message.MessageCodec;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.update.ReportedSteps.Step;
import dev.tandem.protocol.v1.UpdateStep;
import dev.tandem.protocol.v1.UpdateStepReport;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportedStepsTest {
  private static final DeviceId DEVICE = DeviceId.of("dev-1");

  @Test
  void coalescedStepsRoundTripOnTheWireInOrderWithTheirOwnTimings() {
    List<Step> steps =
        List.of(
            new Step(UpdateStep.UPDATE_STEP_RECEIVED, "", 1, 40),
            new Step(UpdateStep.UPDATE_STEP_DOWNLOADING, "", 2, 30),
            new Step(UpdateStep.UPDATE_STEP_VERIFIED, "", 25, 5),
            new Step(UpdateStep.UPDATE_STEP_STAGED, "", 3, 2),
            new Step(UpdateStep.UPDATE_STEP_ACTIVE, "", 2, 0));
    byte[] wire =
        ReportedSteps.builder(steps)
            .setHeader(Headers.create(DEVICE, 7, Instant.parse("2026-11-24T06:00:00Z")))
            .setRolloutId("r-1")
            .setModel("m")
            .setVersion("2")
            .build()
            .toByteArray();

    UpdateStepReport decoded = MessageCodec.UPDATE_STEP.decode(wire, DEVICE);

    assertThat(decoded.getStep()).isEqualTo(UpdateStep.UPDATE_STEP_ACTIVE);
    assertThat(decoded.getEarlierStepsCount()).isEqualTo(4);
    assertThat(ReportedSteps.of(decoded)).containsExactlyElementsOf(steps);
  }

  @Test
  void aReportWithoutEarlierStepsCarriesItsOwnStepOnly() {
    UpdateStepReport failed =
        UpdateStepReport.newBuilder()
            .setStep(UpdateStep.UPDATE_STEP_FAILED)
            .setReason("hash_mismatch: x")
            .setDurationMs(12)
            .build();

    assertThat(ReportedSteps.of(failed))
        .containsExactly(new Step(UpdateStep.UPDATE_STEP_FAILED, "hash_mismatch: x", 12, 0));
  }

  @Test
  void aReaderThatIgnoresEarlierStepsSeesTheLatestStep() throws Exception {
    byte[] wire =
        ReportedSteps.builder(
                List.of(
                    new Step(UpdateStep.UPDATE_STEP_RECEIVED, "", 0, 9),
                    new Step(UpdateStep.UPDATE_STEP_FAILED, "download_failed: 503", 9, 0)))
            .build()
            .toByteArray();

    // The fields an older reader knows are exactly the latest step's.
    UpdateStepReport old = UpdateStepReport.parseFrom(wire).toBuilder().clearEarlierSteps().build();
    assertThat(old.getStep()).isEqualTo(UpdateStep.UPDATE_STEP_FAILED);
    assertThat(old.getReason()).isEqualTo("download_failed: 503");
    assertThat(old.getDurationMs()).isEqualTo(9);
  }

  @Test
  void noStepsIsRefused() {
    assertThatThrownBy(() -> ReportedSteps.builder(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("steps");
  }
}
