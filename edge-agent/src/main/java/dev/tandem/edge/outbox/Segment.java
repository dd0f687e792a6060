package dev.tandem.edge.outbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * One append-only segment file of one message class and what the outbox knows about it. Only the
 * newest segment of a class is open for writing; the others are sealed. Not thread-safe: guarded by
 * the outbox's lock.
 */
final class Segment {
  private static final String SUFFIX = ".seg";

  final MessageClass messageClass;
  final Path path;

  /** The sequence the segment was created for; also its file name, so names sort by age. */
  final long baseSequence;

  long firstSequence;
  long lastSequence;

  /** Bytes of complete records plus the header. */
  long sizeBytes;

  /** Bytes known to be forced to the device (equal to sizeBytes unless fsync is INTERVAL). */
  long durableBytes;

  /** Enqueue time of the oldest record not yet forced, for the age gauge. */
  long firstUndurableMillis;

  int records;

  /** Records that need no more sending: acknowledged, or lost to corruption. */
  int settled;

  /**
   * Where a reader starts: past the records that recovery found acknowledged at the front. The
   * sequence (0 if unknown), file offset and index of the first record to read.
   */
  long startSequence;

  long startOffset = RecordFormat.SEGMENT_HEADER_BYTES;
  int startIndex;
  boolean sealed;
  FileChannel writer;

  Segment(MessageClass messageClass, Path path, long baseSequence) {
    this.messageClass = messageClass;
    this.path = path;
    this.baseSequence = baseSequence;
  }

  static String fileName(long baseSequence) {
    return String.format("%020d%s", baseSequence, SUFFIX);
  }

  /** The base sequence named by a segment file name, or -1 if it is not one. */
  static long parseFileName(String name) {
    if (!name.endsWith(SUFFIX) || name.length() != 20 + SUFFIX.length()) {
      return -1;
    }
    for (int i = 0; i < 20; i++) {
      if (!Character.isDigit(name.charAt(i))) {
        return -1;
      }
    }
    return Long.parseLong(name.substring(0, 20));
  }

  boolean contains(long sequence) {
    return records > 0 && sequence >= firstSequence && sequence <= lastSequence;
  }

  boolean fullySettled() {
    return settled >= records;
  }

  int unsettled() {
    return records - settled;
  }

  /** Closes the segment for appends, forcing it first unless the policy is NEVER. */
  void seal(FsyncPolicy fsync) throws IOException {
    if (sealed) {
      return;
    }
    sealed = true;
    try {
      if (writer != null && fsync != FsyncPolicy.NEVER) {
        writer.force(false);
      }
    } finally {
      durableBytes = sizeBytes;
      if (writer != null) {
        writer.close();
        writer = null;
      }
    }
  }

  /** Closes the writer without forcing, for shedding and deletion. */
  void closeQuietly() {
    sealed = true;
    if (writer != null) {
      try {
        writer.close();
      } catch (IOException ignored) {
        // The file is going away or the outbox is closing; nothing to save.
      }
      writer = null;
    }
  }

  @Override
  public String toString() {
    return messageClass
        + "/"
        + path.getFileName()
        + "["
        + firstSequence
        + ".."
        + lastSequence
        + "]";
  }
}
