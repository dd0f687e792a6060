package dev.tandem.edge.outbox;

import dev.tandem.protocol.topic.TopicKind;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Layout of a segment file: an 8-byte header (magic {@code TDSG}, format version) followed by
 * records, each {@code [int bodyLength][int crc32c(body)]} then the body {@code [long
 * sequence][long enqueuedAtMillis][byte topicKindCode][payload]}. Big-endian throughout.
 */
final class RecordFormat {
  static final int SEGMENT_MAGIC = 0x54445347;
  static final int SEGMENT_VERSION = 1;
  static final int SEGMENT_HEADER_BYTES = 8;

  /** Length and CRC in front of the body. */
  static final int FRAME_BYTES = 8;

  /** Sequence, enqueue time and topic kind code. */
  static final int FIXED_BODY_BYTES = 17;

  /** Bytes a record takes on disk besides its payload. */
  static final int RECORD_OVERHEAD = FRAME_BYTES + FIXED_BODY_BYTES;

  private RecordFormat() {}

  static int recordBytes(int payloadLength) {
    return RECORD_OVERHEAD + payloadLength;
  }

  static void putSegmentHeader(ByteBuffer buffer) {
    buffer.putInt(SEGMENT_MAGIC).putInt(SEGMENT_VERSION);
  }

  static boolean validSegmentHeader(ByteBuffer header) {
    return header.remaining() >= SEGMENT_HEADER_BYTES
        && header.getInt(header.position()) == SEGMENT_MAGIC
        && header.getInt(header.position() + 4) == SEGMENT_VERSION;
  }

  /** Writes one record at the buffer's position, which it advances. */
  static void putRecord(
      ByteBuffer buffer,
      CRC32C crc,
      long sequence,
      long enqueuedAtMillis,
      TopicKind kind,
      byte[] payload) {
    int start = buffer.position();
    buffer
        .putInt(FIXED_BODY_BYTES + payload.length)
        .putInt(0)
        .putLong(sequence)
        .putLong(enqueuedAtMillis)
        .put(kindCode(kind))
        .put(payload);
    ByteBuffer body = buffer.duplicate();
    body.limit(buffer.position()).position(start + FRAME_BYTES);
    crc.reset();
    crc.update(body);
    buffer.putInt(start + 4, (int) crc.getValue());
  }

  /** Stable on-disk code of a topic kind; a new kind needs a new code here (the switch says so). */
  static byte kindCode(TopicKind kind) {
    return switch (kind) {
      case TELEMETRY -> 1;
      case EVENTS -> 2;
      case STATE -> 3;
      case DESIRED -> 4;
      case UPDATES -> 5;
      case SAMPLES -> 6;
      case INFER_REQUEST -> 7;
      case INFER_RESPONSE -> 8;
    };
  }

  /** The kind written as {@code code}, or null for a code this reader does not know. */
  static TopicKind kindOf(byte code) {
    for (TopicKind kind : TopicKind.values()) {
      if (kindCode(kind) == code) {
        return kind;
      }
    }
    return null;
  }
}
