package dev.tandem.edge.outbox;

import dev.tandem.edge.outbox.SegmentScanner.Step;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads one class's segments sequentially, oldest first, through a buffer, one record ahead. Under
 * {@link FsyncPolicy#INTERVAL} it stops at the bytes already forced to the device. Records that
 * recovery found acknowledged are skipped. Guarded by the outbox's lock.
 */
final class SegmentReader implements Closeable {
  private static final int BUFFER_BYTES = 64 * 1024;

  private final ClassLog log;
  private final boolean durableOnly;
  private final long[] recoveredAcknowledged;
  private final SegmentScanner scanner = new SegmentScanner(BUFFER_BYTES);
  private Segment segment;
  private FileChannel channel;

  /** Base sequence of the last segment left behind; the next one read is the first after it. */
  private long lastBase;

  private long offset;
  private int index;
  private OutboxRecord head;
  private long lastConsumed;

  SegmentReader(
      ClassLog log, boolean durableOnly, long[] recoveredAcknowledged, long lastConsumed) {
    this.log = log;
    this.durableOnly = durableOnly;
    this.recoveredAcknowledged = recoveredAcknowledged;
    this.lastConsumed = lastConsumed;
  }

  /** The next record not yet handed out, or null if there is none (yet). */
  OutboxRecord peek() throws IOException {
    reopenIfClosed();
    while (head == null) {
      if (segment == null && !enter(log.segmentAfter(lastBase))) {
        return null;
      }
      long limit = durableOnly ? segment.durableBytes : segment.sizeBytes;
      Step step = scanner.read(offset, limit);
      if (step == Step.RECORD) {
        long sequence = scanner.sequence();
        offset += scanner.recordBytes();
        index++;
        if (Arrays.binarySearch(recoveredAcknowledged, sequence) >= 0) {
          lastConsumed = Math.max(lastConsumed, sequence);
        } else {
          head =
              new OutboxRecord(
                  sequence,
                  log.messageClass,
                  scanner.kind(),
                  scanner.enqueuedAtMillis(),
                  scanner.payload());
        }
      } else if (step == Step.END) {
        if (!segment.sealed || offset < segment.sizeBytes) {
          return null;
        }
        leave();
      } else {
        log.lostToCorruption(segment, segment.records - index);
        leave();
      }
    }
    return head;
  }

  /** Marks the record last peeked as handed out. */
  void take() {
    lastConsumed = Math.max(lastConsumed, head.sequence());
    head = null;
  }

  /** Every record of the class up to this one was handed out, skipped, or is gone. */
  long lastConsumed() {
    return lastConsumed;
  }

  /** Called when {@code removed} was deleted: a reader inside it moves on to the next one. */
  void segmentRemoved(Segment removed) {
    if (segment == removed) {
      head = null;
      leave();
    }
  }

  private boolean enter(Segment next) throws IOException {
    if (next == null) {
      return false;
    }
    channel = FileChannel.open(next.path, StandardOpenOption.READ);
    scanner.attach(channel);
    segment = next;
    offset = next.startOffset;
    index = next.startIndex;
    return true;
  }

  private void leave() {
    lastBase = segment.baseSequence;
    segment = null;
    closeChannel();
  }

  private void closeChannel() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // A read-only channel; nothing is lost.
      }
      channel = null;
    }
  }

  /** Reopens the channel if an interrupted thread closed it (FileChannel is interruptible). */
  private void reopenIfClosed() throws IOException {
    if (channel != null && !channel.isOpen()) {
      channel = FileChannel.open(segment.path, StandardOpenOption.READ);
      scanner.attach(channel);
    }
  }

  @Override
  public void close() {
    closeChannel();
    segment = null;
    head = null;
  }
}
