package dev.tandem.edge.outbox;

import dev.tandem.protocol.topic.TopicKind;
import java.util.Arrays;
import java.util.Objects;

/**
 * One stored message as the uplink sends it. The payload array is shared with the outbox (it is
 * handed out again after a requeue): do not modify it.
 *
 * @param sequence the per-device sequence number the payload carries, from 1
 * @param messageClass the shedding class it was stored under
 * @param kind the topic it is published on
 * @param enqueuedAtMillis when it was appended, epoch milliseconds from the outbox's clock
 * @param payload the encoded message
 */
public record OutboxRecord(
    long sequence,
    MessageClass messageClass,
    TopicKind kind,
    long enqueuedAtMillis,
    byte[] payload) {
  public OutboxRecord {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be at least 1, got " + sequence);
    }
    Objects.requireNonNull(messageClass, "messageClass");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(payload, "payload");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutboxRecord r
        && sequence == r.sequence
        && messageClass == r.messageClass
        && kind == r.kind
        && enqueuedAtMillis == r.enqueuedAtMillis
        && Arrays.equals(payload, r.payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sequence, messageClass, kind, enqueuedAtMillis, Arrays.hashCode(payload));
  }

  @Override
  public String toString() {
    return "OutboxRecord[sequence=%d, messageClass=%s, kind=%s, enqueuedAtMillis=%d, payload=%d bytes]"
        .formatted(sequence, messageClass, kind, enqueuedAtMillis, payload.length);
  }
}
