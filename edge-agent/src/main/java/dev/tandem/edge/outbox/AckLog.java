package dev.tandem.edge.outbox;

import dev.tandem.edge.files.DurableFiles;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * {@code acks.log}: which records were acknowledged, so a restart does not send them again. An
 * 8-byte header (magic {@code TDAK}, version) and 16-byte entries {@code [long sequence][int
 * tag][int crc32c of the first 12 bytes]}; the tag is {@code type << 8 | class code}, type 1 an
 * acknowledged sequence, type 2 a floor (every record of the class up to it is acknowledged or
 * gone). Acknowledgements are appended; when enough have piled up the log is compacted into a fresh
 * file of floors plus the acknowledgements above them, which replaces it atomically. A torn or
 * damaged tail entry ends the log when it is read.
 */
final class AckLog implements Closeable {
  static final String NAME = "acks.log";
  static final int HEADER_BYTES = 8;
  static final int ENTRY_BYTES = 16;
  private static final int MAGIC = 0x5444414B;
  private static final int VERSION = 1;
  private static final int ACK = 1;
  private static final int FLOOR = 2;
  private static final int CLASSES = MessageClass.values().length;

  /** What a log says: per class (by ordinal) a floor and the sorted acknowledgements above it. */
  static final class Snapshot {
    final long[] floors = new long[CLASSES];
    final SequenceList[] acks = new SequenceList[CLASSES];
    long maxSequence;

    Snapshot() {
      for (int i = 0; i < CLASSES; i++) {
        acks[i] = new SequenceList();
      }
    }

    boolean isAcknowledged(MessageClass messageClass, long sequence) {
      int i = messageClass.ordinal();
      return sequence <= floors[i] || acks[i].containsSorted(sequence);
    }
  }

  private final Path file;
  private final boolean sync;
  private final ByteBuffer entry = ByteBuffer.allocate(ENTRY_BYTES);
  private final CRC32C crc = new CRC32C();
  private FileChannel channel;
  private long sizeBytes;
  private int entriesSinceCompaction;

  private AckLog(Path file, boolean sync) {
    this.file = file;
    this.sync = sync;
  }

  /** Reads the log in {@code directory}; an empty snapshot if there is none. */
  static Snapshot read(Path directory) throws IOException {
    Snapshot snapshot = new Snapshot();
    Path path = directory.resolve(NAME);
    if (!Files.exists(path)) {
      return snapshot;
    }
    CRC32C crc = new CRC32C();
    try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
      long position = 0;
      boolean header = true;
      read:
      while (true) {
        buffer.clear();
        int n = in.read(buffer, position);
        if (n <= 0) {
          break;
        }
        buffer.flip();
        if (header) {
          if (buffer.remaining() < HEADER_BYTES
              || buffer.getInt() != MAGIC
              || buffer.getInt() != VERSION) {
            break;
          }
          header = false;
        }
        while (buffer.remaining() >= ENTRY_BYTES) {
          int at = buffer.position();
          crc.reset();
          crc.update(buffer.array(), at, 12);
          long sequence = buffer.getLong();
          int tag = buffer.getInt();
          int stored = buffer.getInt();
          MessageClass messageClass = MessageClass.ofCode(tag & 0xFF);
          int type = tag >>> 8;
          if (stored != (int) crc.getValue() || messageClass == null) {
            break read;
          }
          int i = messageClass.ordinal();
          if (type == ACK) {
            snapshot.acks[i].add(sequence);
          } else if (type == FLOOR) {
            snapshot.floors[i] = Math.max(snapshot.floors[i], sequence);
          } else {
            break read;
          }
          snapshot.maxSequence = Math.max(snapshot.maxSequence, sequence);
        }
        if (buffer.position() == 0) {
          break;
        }
        position += buffer.position();
      }
    }
    for (int i = 0; i < CLASSES; i++) {
      long floor = snapshot.floors[i];
      snapshot.acks[i].retainSorted(s -> s > floor);
    }
    return snapshot;
  }

  /** Starts a fresh log in {@code directory} holding the given floors and acknowledgements. */
  static AckLog create(Path directory, long[] floors, long[][] acks, boolean sync)
      throws IOException {
    AckLog log = new AckLog(directory.resolve(NAME), sync);
    log.compact(floors, acks);
    return log;
  }

  /** Records that {@code sequence} of {@code messageClass} was acknowledged. */
  void append(MessageClass messageClass, long sequence) throws IOException {
    if (channel == null || !channel.isOpen()) {
      // Closed by compaction that failed half way, or by an interrupted thread: reopen.
      channel = FileChannel.open(file, StandardOpenOption.WRITE);
      sizeBytes = channel.size();
    }
    entry.clear();
    putEntry(entry, crc, ACK, messageClass, sequence);
    entry.flip();
    DurableFiles.writeFully(channel, entry, sizeBytes);
    sizeBytes += ENTRY_BYTES;
    entriesSinceCompaction++;
  }

  /** Replaces the log with floors (by class ordinal) and the acknowledgements above them. */
  void compact(long[] floors, long[][] acks) throws IOException {
    int entries = CLASSES;
    for (long[] a : acks) {
      entries += a.length;
    }
    ByteBuffer content = ByteBuffer.allocate(HEADER_BYTES + entries * ENTRY_BYTES);
    content.putInt(MAGIC).putInt(VERSION);
    CRC32C check = new CRC32C();
    for (MessageClass c : MessageClass.values()) {
      putEntry(content, check, FLOOR, c, floors[c.ordinal()]);
      for (long sequence : acks[c.ordinal()]) {
        putEntry(content, check, ACK, c, sequence);
      }
    }
    content.flip();
    DurableFiles.replace(file, content, sync);
    close();
    channel = FileChannel.open(file, StandardOpenOption.WRITE);
    sizeBytes = channel.size();
    entriesSinceCompaction = 0;
  }

  int entriesSinceCompaction() {
    return entriesSinceCompaction;
  }

  long sizeBytes() {
    return sizeBytes;
  }

  private static void putEntry(
      ByteBuffer buffer, CRC32C crc, int type, MessageClass messageClass, long sequence) {
    int at = buffer.position();
    buffer.putLong(sequence).putInt(type << 8 | messageClass.code());
    crc.reset();
    crc.update(buffer.array(), buffer.arrayOffset() + at, 12);
    buffer.putInt((int) crc.getValue());
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      FileChannel old = channel;
      channel = null;
      old.close();
    }
  }
}
