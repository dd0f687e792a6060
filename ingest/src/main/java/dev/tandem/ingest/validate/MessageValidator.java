package dev.tandem.ingest.validate;

import com.google.protobuf.Message;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.message.MessageCodec;
import dev.tandem.protocol.stream.FleetStream;
import dev.tandem.protocol.topic.Topic;
import dev.tandem.protocol.topic.Topics;
import dev.tandem.protocol.v1.Header;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a message from the fleet broker may enter Kafka. Checks, cheapest first: payload
 * size, topic shape and kind, protobuf parse under the topic's schema, header (schema version,
 * sequence), device id in the header against the topic, and the timestamp window. Thread-safe.
 */
public final class MessageValidator {
  private final ValidationLimits limits;
  private final InstantSource clock;

  public MessageValidator(ValidationLimits limits, InstantSource clock) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Validates {@code payload} received on MQTT topic {@code topicName}. Never throws. */
  public Verdict validate(String topicName, byte[] payload) {
    if (payload.length > limits.maxPayloadBytes()) {
      return reject(
          DeadLetterReason.OVERSIZED,
          payload.length + " bytes exceed the limit of " + limits.maxPayloadBytes());
    }
    Topic topic;
    try {
      topic = Topics.parse(topicName);
    } catch (ProtocolException e) {
      return reject(DeadLetterReason.of(e.code()), e.getMessage());
    }
    Optional<FleetStream> stream = FleetStream.ofKind(topic.kind());
    if (stream.isEmpty()) {
      return reject(
          DeadLetterReason.NOT_INGESTED_TOPIC,
          "messages on '" + topic.kind().suffix() + "' topics are not ingested");
    }
    Header header;
    try {
      header = decodeHeader(MessageCodec.forKind(topic.kind()), payload, topic);
    } catch (ProtocolException e) {
      return reject(DeadLetterReason.of(e.code()), e.getMessage());
    } catch (RuntimeException e) {
      // protobuf can throw unchecked exceptions on pathological input; never let one escape
      return reject(DeadLetterReason.MALFORMED_PAYLOAD, "unparseable: " + e);
    }
    return checkTimestamp(header)
        .<Verdict>map(detail -> reject(DeadLetterReason.TIMESTAMP_OUT_OF_RANGE, detail))
        .orElseGet(() -> new Verdict.Accepted(stream.get(), header));
  }

  private static <T extends Message> Header decodeHeader(
      MessageCodec<T> codec, byte[] payload, Topic topic) {
    return codec.headerOf(codec.decode(payload, topic.deviceId()));
  }

  private Optional<String> checkTimestamp(Header header) {
    Instant now = clock.instant();
    Instant stamp = Instant.ofEpochMilli(header.getTimestampMs());
    if (stamp.isAfter(now.plus(limits.maxClockSkew()))) {
      return Optional.of(
          "timestamp " + stamp + " is more than " + limits.maxClockSkew() + " ahead of " + now);
    }
    if (stamp.isBefore(now.minus(limits.maxAge()))) {
      return Optional.of("timestamp " + stamp + " is older than " + limits.maxAge());
    }
    return Optional.empty();
  }

  private static Verdict reject(DeadLetterReason reason, String detail) {
    return new Verdict.Rejected(reason, detail);
  }
}
