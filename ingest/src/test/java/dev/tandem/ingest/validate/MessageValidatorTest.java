package dev.tandem.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ingest.testing.FleetMessages;
import dev.tandem.ingest.testing.Malformed;
import dev.tandem.protocol.stream.FleetStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class MessageValidatorTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private final MessageValidator validator =
      new MessageValidator(
          new ValidationLimits(4096, Duration.ofMinutes(5), Duration.ofDays(30)),
          InstantSource.fixed(NOW));

  @Test
  void acceptsAValidSummaryIntoTheTelemetryStream() {
    Verdict verdict =
        validator.validate(
            "fleet/dev-1/telemetry", FleetMessages.summary("dev-1", 7, NOW.toEpochMilli()));
    assertThat(verdict).isInstanceOf(Verdict.Accepted.class);
    Verdict.Accepted accepted = (Verdict.Accepted) verdict;
    assertThat(accepted.stream()).isEqualTo(FleetStream.TELEMETRY);
    assertThat(accepted.header().getSequence()).isEqualTo(7);
  }

  @Test
  void refusesTimestampsOutsideTheWindow() {
    long ahead = NOW.plus(Duration.ofMinutes(6)).toEpochMilli();
    long old = NOW.minus(Duration.ofDays(31)).toEpochMilli();
    long slightlyAhead = NOW.plus(Duration.ofMinutes(4)).toEpochMilli();
    assertThat(reason("fleet/d/telemetry", FleetMessages.summary("d", 1, ahead)))
        .isEqualTo(DeadLetterReason.TIMESTAMP_OUT_OF_RANGE);
    assertThat(reason("fleet/d/telemetry", FleetMessages.summary("d", 1, old)))
        .isEqualTo(DeadLetterReason.TIMESTAMP_OUT_OF_RANGE);
    assertThat(
            validator.validate("fleet/d/telemetry", FleetMessages.summary("d", 1, slightlyAhead)))
        .isInstanceOf(Verdict.Accepted.class);
  }

  @Test
  void refusesTopicsOutsideTheFleetContract() {
    byte[] valid = FleetMessages.summary("d", 1, NOW.toEpochMilli());
    assertThat(reason("fleet/d/desired", valid)).isEqualTo(DeadLetterReason.NOT_INGESTED_TOPIC);
    assertThat(reason("fleet/d e/telemetry", valid)).isEqualTo(DeadLetterReason.MALFORMED_TOPIC);
    assertThat(reason("other/d/telemetry", valid)).isEqualTo(DeadLetterReason.MALFORMED_TOPIC);
  }

  @Test
  void everyMalformedCaseGetsItsOwnReasonAndNoneIsAccepted() {
    Malformed malformed = new Malformed(3, 4096);
    MessageValidator live =
        new MessageValidator(
            new ValidationLimits(4096, Duration.ofMinutes(5), Duration.ofDays(30)),
            InstantSource.system());
    for (int i = 0; i < 50_000; i++) {
      Malformed.Case c = malformed.next("dev-" + (i % 7), i + 1);
      Verdict verdict = live.validate(c.topic(), c.payload());
      assertThat(verdict).as("case %d: %s", i, c.reason()).isInstanceOf(Verdict.Rejected.class);
      assertThat(((Verdict.Rejected) verdict).reason()).as("case %d", i).isEqualTo(c.reason());
    }
  }

  @Test
  void neverThrowsOnRandomBytes() {
    var random = new java.util.SplittableRandom(11);
    for (int i = 0; i < 100_000; i++) {
      byte[] bytes = new byte[random.nextInt(300)];
      random.nextBytes(bytes);
      assertThat(validator.validate("fleet/d/events", bytes)).isNotNull();
    }
  }

  private DeadLetterReason reason(String topic, byte[] payload) {
    Verdict verdict = validator.validate(topic, payload);
    assertThat(verdict).isInstanceOf(Verdict.Rejected.class);
    return ((Verdict.Rejected) verdict).reason();
  }
}
