package dev.tandem.protocol.message;

import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.v1.DesiredModel;
import dev.tandem.protocol.v1.DesiredState;
import dev.tandem.protocol.v1.DeviceStateReport;
import dev.tandem.protocol.v1.Event;
import dev.tandem.protocol.v1.EventKind;
import dev.tandem.protocol.v1.Header;
import dev.tandem.protocol.v1.Health;
import dev.tandem.protocol.v1.InferenceError;
import dev.tandem.protocol.v1.InferenceErrorCode;
import dev.tandem.protocol.v1.InferenceOutput;
import dev.tandem.protocol.v1.InferenceRequest;
import dev.tandem.protocol.v1.InferenceResponse;
import dev.tandem.protocol.v1.LinkState;
import dev.tandem.protocol.v1.RawSampleBatch;
import dev.tandem.protocol.v1.Reading;
import dev.tandem.protocol.v1.SampleReason;
import dev.tandem.protocol.v1.Severity;
import dev.tandem.protocol.v1.Tensor;
import dev.tandem.protocol.v1.UpdateStep;
import dev.tandem.protocol.v1.UpdateStepReport;
import dev.tandem.protocol.v1.WindowSummary;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** One fully populated example of every message type. */
final class SampleMessages {

  static final DeviceId DEVICE = DeviceId.of("press-07");
  static final Instant AT = Instant.parse("2026-03-01T12:00:00.250Z");

  private SampleMessages() {}

  static Header header(long sequence) {
    return Headers.create(DEVICE, sequence, AT);
  }

  static WindowSummary windowSummary() {
    return WindowSummary.newBuilder()
        .setHeader(header(1))
        .setStreamId("spindle.vibration")
        .setWindowStartMs(AT.toEpochMilli() - 10_000)
        .setWindowEndMs(AT.toEpochMilli())
        .setCount(1000)
        .setMean(0.42)
        .setMin(-1.5)
        .setMax(2.25)
        .setStddev(0.31)
        .setP50(0.4)
        .setP95(0.95)
        .setP99(1.7)
        .setLateReadingCount(3)
        .build();
  }

  static Event event() {
    return Event.newBuilder()
        .setHeader(header(2))
        .setKind(EventKind.EVENT_KIND_ANOMALY)
        .setSeverity(Severity.SEVERITY_CRITICAL)
        .setStreamId("spindle.vibration")
        .setDetector("zscore")
        .setScore(6.5)
        .setMessage("vibration 6.5 sigma above the 10 min mean")
        .setOccurredAtMs(AT.toEpochMilli())
        .addContext(reading(-20, 0.4))
        .addContext(reading(-10, 0.5))
        .addContext(reading(0, 2.25))
        .build();
  }

  static DeviceStateReport deviceState() {
    return DeviceStateReport.newBuilder()
        .setHeader(header(3))
        .setAgentVersion("0.1.0")
        .putModelVersions("vibration-anomaly", "1.4.0")
        .putModelVersions("tool-wear", "0.9.2")
        .setHealth(Health.HEALTH_DEGRADED)
        .setHealthDetail("outbox above 80% of capacity")
        .setOutboxDepth(12_000)
        .setOutboxBytes(3_400_000)
        .setOldestItemAgeMs(95_000)
        .setLinkState(LinkState.LINK_STATE_DEGRADED)
        .putCounters("readings_in", 1_000_000)
        .putCounters("events_out", 12)
        .build();
  }

  static DesiredState desiredState() {
    return DesiredState.newBuilder()
        .setHeader(header(4))
        .setRolloutId("rollout-2026-03-01-a")
        .addModels(
            DesiredModel.newBuilder()
                .setName("vibration-anomaly")
                .setVersion("1.5.0")
                .setVariant("int8")
                .setTargetPath("models/vibration-anomaly/1.5.0/int8.tar.gz")
                .setArtifactUrl("https://models.example.com/presigned/abc"))
        .setTargetsMetadata(bytes("{\"signed\":{},\"signatures\":[]}"))
        .addRootMetadata(bytes("{\"signed\":{\"_type\":\"root\"},\"signatures\":[]}"))
        .build();
  }

  static UpdateStepReport updateStep() {
    return UpdateStepReport.newBuilder()
        .setHeader(header(5))
        .setRolloutId("rollout-2026-03-01-a")
        .setModel("vibration-anomaly")
        .setVersion("1.5.0")
        .setStep(UpdateStep.UPDATE_STEP_REVERTED)
        .setReason("health check failed: p95 latency 80 ms > 50 ms")
        .setDurationMs(4_200)
        .build();
  }

  static RawSampleBatch rawSamples() {
    return RawSampleBatch.newBuilder()
        .setHeader(header(6))
        .setStreamId("spindle.vibration")
        .setReason(SampleReason.SAMPLE_REASON_EVENT)
        .setEventSequence(2)
        .addReadings(reading(-2, 0.1))
        .addReadings(reading(-1, 0.2))
        .build();
  }

  static InferenceRequest inferenceRequest() {
    return InferenceRequest.newBuilder()
        .setHeader(header(7))
        .setRequestId("req-42")
        .setModel("vibration-anomaly")
        .setInput(
            Tensor.newBuilder()
                .setName("window")
                .addShape(1)
                .addShape(3)
                .addValues(0.1f)
                .addValues(0.2f)
                .addValues(0.3f))
        .setDeadlineMs(AT.toEpochMilli() + 150)
        .build();
  }

  static InferenceResponse inferenceResponse() {
    return InferenceResponse.newBuilder()
        .setHeader(header(8))
        .setRequestId("req-42")
        .setOutput(
            InferenceOutput.newBuilder()
                .addOutputs(Tensor.newBuilder().setName("score").addShape(1).addValues(0.93f))
                .setConfidence(0.88f)
                .setModelVersion("2.0.1"))
        .build();
  }

  static InferenceResponse inferenceFailure() {
    return InferenceResponse.newBuilder()
        .setHeader(header(9))
        .setRequestId("req-43")
        .setError(
            InferenceError.newBuilder()
                .setCode(InferenceErrorCode.INFERENCE_ERROR_CODE_DEADLINE_EXCEEDED)
                .setMessage("deadline passed 12 ms before the model answered"))
        .build();
  }

  private static Reading reading(long offsetMs, double value) {
    return Reading.newBuilder()
        .setTimestampMs(AT.toEpochMilli() + offsetMs)
        .setValue(value)
        .build();
  }

  private static com.google.protobuf.ByteString bytes(String text) {
    return com.google.protobuf.ByteString.copyFrom(text, StandardCharsets.UTF_8);
  }
}
