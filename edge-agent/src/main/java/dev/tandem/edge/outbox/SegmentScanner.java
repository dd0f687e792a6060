package dev.tandem.edge.outbox;

import static dev.tandem.edge.outbox.RecordFormat.FIXED_BODY_BYTES;
import static dev.tandem.edge.outbox.RecordFormat.FRAME_BYTES;

import dev.tandem.protocol.topic.TopicKind;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Reads and checks records of one segment file through a read-ahead buffer. It never reads past the
 * limit it is given, so bytes it caches are always complete, immutable appends.
 */
final class SegmentScanner {
  /** What {@link #read} found at an offset. */
  enum Step {
    /** A complete record with a valid CRC; its fields are available. */
    RECORD,
    /** The offset is the limit: nothing more to read. */
    END,
    /** The bytes stop in the middle of a record (a torn write), or its length is implausible. */
    TORN,
    /** A complete record whose CRC or content is wrong; {@link #recordBytes()} says its size. */
    CORRUPT
  }

  private final CRC32C crc = new CRC32C();
  private FileChannel channel;
  private ByteBuffer buffer;
  private long bufferStart;
  private int bufferFill;

  private int recordBytes;
  private long sequence;
  private long enqueuedAtMillis;
  private TopicKind kind;
  private int payloadIndex;
  private int payloadLength;

  SegmentScanner(int bufferBytes) {
    this.buffer = ByteBuffer.allocate(bufferBytes);
  }

  /** Reads from {@code channel} from now on, forgetting what was cached. */
  void attach(FileChannel channel) {
    this.channel = channel;
    this.bufferStart = 0;
    this.bufferFill = 0;
  }

  /** Looks at the record starting at {@code offset}, reading no byte at or past {@code limit}. */
  Step read(long offset, long limit) throws IOException {
    recordBytes = -1;
    long available = limit - offset;
    if (available <= 0) {
      return Step.END;
    }
    if (available < FRAME_BYTES) {
      return Step.TORN;
    }
    int at = ensure(offset, FRAME_BYTES, limit);
    int bodyLength = buffer.getInt(at);
    if (bodyLength < FIXED_BODY_BYTES || bodyLength > available - FRAME_BYTES) {
      return Step.TORN;
    }
    recordBytes = FRAME_BYTES + bodyLength;
    at = ensure(offset, recordBytes, limit);
    crc.reset();
    crc.update(buffer.array(), at + FRAME_BYTES, bodyLength);
    if ((int) crc.getValue() != buffer.getInt(at + 4)) {
      return Step.CORRUPT;
    }
    sequence = buffer.getLong(at + FRAME_BYTES);
    enqueuedAtMillis = buffer.getLong(at + FRAME_BYTES + 8);
    kind = RecordFormat.kindOf(buffer.get(at + FRAME_BYTES + 16));
    if (kind == null || sequence < 1) {
      return Step.CORRUPT;
    }
    payloadIndex = at + RecordFormat.RECORD_OVERHEAD;
    payloadLength = bodyLength - FIXED_BODY_BYTES;
    return Step.RECORD;
  }

  /** Size of the record last read, or -1 when its length could not be trusted. */
  int recordBytes() {
    return recordBytes;
  }

  long sequence() {
    return sequence;
  }

  long enqueuedAtMillis() {
    return enqueuedAtMillis;
  }

  TopicKind kind() {
    return kind;
  }

  byte[] payload() {
    return Arrays.copyOfRange(buffer.array(), payloadIndex, payloadIndex + payloadLength);
  }

  /** Writes the raw bytes of the record last read (a {@link Step#RECORD}) to {@code out}. */
  void copyRecordTo(FileChannel out) throws IOException {
    int at = payloadIndex - RecordFormat.RECORD_OVERHEAD;
    ByteBuffer bytes = ByteBuffer.wrap(buffer.array(), at, recordBytes);
    while (bytes.hasRemaining()) {
      out.write(bytes);
    }
  }

  /** Makes {@code [offset, offset + length)} cached and returns the buffer index of offset. */
  private int ensure(long offset, int length, long limit) throws IOException {
    if (offset >= bufferStart && offset + length <= bufferStart + bufferFill) {
      return (int) (offset - bufferStart);
    }
    if (length > buffer.capacity()) {
      buffer = ByteBuffer.allocate(Math.max(length, buffer.capacity() * 2));
    }
    buffer.clear();
    buffer.limit((int) Math.min(buffer.capacity(), limit - offset));
    bufferStart = offset;
    bufferFill = 0;
    while (bufferFill < length) {
      int n = channel.read(buffer, offset + bufferFill);
      if (n < 0) {
        long end = offset + bufferFill;
        bufferFill = 0;
        throw new EOFException("segment ends at " + end + " before its recorded size " + limit);
      }
      bufferFill += n;
    }
    return 0;
  }
}
