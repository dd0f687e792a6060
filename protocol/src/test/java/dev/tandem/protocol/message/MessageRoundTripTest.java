package dev.tandem.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import dev.tandem.protocol.v1.InferenceResponse;
import org.junit.jupiter.api.Test;

class MessageRoundTripTest {

  @Test
  void windowSummaryRoundTrips() {
    assertRoundTrip(MessageCodec.WINDOW_SUMMARY, SampleMessages.windowSummary());
  }

  @Test
  void eventRoundTripsWithItsContextReadings() {
    var decoded = assertRoundTrip(MessageCodec.EVENT, SampleMessages.event());
    assertThat(decoded.getContextCount()).isEqualTo(3);
  }

  @Test
  void deviceStateReportRoundTripsWithModelVersionsAndCounters() {
    var decoded = assertRoundTrip(MessageCodec.DEVICE_STATE, SampleMessages.deviceState());
    assertThat(decoded.getModelVersionsMap()).containsEntry("vibration-anomaly", "1.4.0");
    assertThat(decoded.getCountersMap()).containsEntry("readings_in", 1_000_000L);
  }

  @Test
  void desiredStateRoundTripsWithSignedMetadataBytes() {
    var original = SampleMessages.desiredState();
    var decoded = assertRoundTrip(MessageCodec.DESIRED_STATE, original);
    assertThat(decoded.getTargetsMetadata()).isEqualTo(original.getTargetsMetadata());
  }

  @Test
  void updateStepReportRoundTrips() {
    assertRoundTrip(MessageCodec.UPDATE_STEP, SampleMessages.updateStep());
  }

  @Test
  void rawSampleBatchRoundTrips() {
    assertRoundTrip(MessageCodec.RAW_SAMPLES, SampleMessages.rawSamples());
  }

  @Test
  void inferenceRequestRoundTripsWithTensorShape() {
    var decoded =
        assertRoundTrip(MessageCodec.INFERENCE_REQUEST, SampleMessages.inferenceRequest());
    assertThat(decoded.getInput().getShapeList()).containsExactly(1L, 3L);
    assertThat(decoded.getInput().getValuesList()).containsExactly(0.1f, 0.2f, 0.3f);
  }

  @Test
  void inferenceResponseRoundTripsWithOutput() {
    var decoded =
        assertRoundTrip(MessageCodec.INFERENCE_RESPONSE, SampleMessages.inferenceResponse());
    assertThat(decoded.getResultCase()).isEqualTo(InferenceResponse.ResultCase.OUTPUT);
  }

  @Test
  void inferenceResponseRoundTripsWithError() {
    var decoded =
        assertRoundTrip(MessageCodec.INFERENCE_RESPONSE, SampleMessages.inferenceFailure());
    assertThat(decoded.getResultCase()).isEqualTo(InferenceResponse.ResultCase.ERROR);
  }

  private static <T extends Message> T assertRoundTrip(MessageCodec<T> codec, T original) {
    T decoded = codec.decode(codec.encode(original));
    assertThat(decoded).isEqualTo(original);
    return decoded;
  }
}
