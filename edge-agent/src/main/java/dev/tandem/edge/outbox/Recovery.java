package dev.tandem.edge.outbox;

import static dev.tandem.edge.outbox.RecordFormat.SEGMENT_HEADER_BYTES;

import dev.tandem.edge.files.DurableFiles;
import dev.tandem.edge.outbox.SegmentScanner.Step;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Rebuilds an outbox's state from its directory after a clean close or a crash. Every record is
 * read and checked (length, CRC32C, kind, sequence increasing within the class). A damaged tail (a
 * torn write) is cut off; a damaged record with intact records after it (bit rot) is dropped by
 * rewriting the segment without it; both are counted. The highest sequence seen anywhere (meta
 * file, ack log, segments) becomes the last assigned one, and fully acknowledged segments are
 * deleted once that is recorded.
 */
final class Recovery {
  private static final Logger LOG = Logger.getLogger(Recovery.class.getName());
  private static final int SCAN_BUFFER_BYTES = 256 * 1024;

  /** What recovery found for one class. */
  static final class ClassState {
    final List<Segment> segments = new ArrayList<>();

    /** Every record of the class up to here is acknowledged or gone. */
    long floor;

    /** Acknowledged sequences above the floor, sorted: the reader skips them. */
    long[] acknowledgedAboveFloor = new long[0];
  }

  final Map<MessageClass, ClassState> classes = new EnumMap<>(MessageClass.class);
  long lastSequence;
  long corruptRecords;

  private final Path directory;
  private final boolean sync;
  private final AckLog.Snapshot acks;
  private final SegmentScanner scanner = new SegmentScanner(SCAN_BUFFER_BYTES);

  private Recovery(Path directory, boolean sync, AckLog.Snapshot acks) {
    this.directory = directory;
    this.sync = sync;
    this.acks = acks;
  }

  static Recovery run(Path directory, FsyncPolicy fsync) throws IOException {
    boolean sync = fsync != FsyncPolicy.NEVER;
    Recovery recovery = new Recovery(directory, sync, AckLog.read(directory));
    recovery.lastSequence = Math.max(MetaFile.read(directory), recovery.acks.maxSequence);
    for (MessageClass c : MessageClass.values()) {
      ClassState state = new ClassState();
      recovery.classes.put(c, state);
      recovery.scanClass(c, state);
    }
    MetaFile.write(directory, recovery.lastSequence, sync);
    for (MessageClass c : MessageClass.values()) {
      recovery.settle(c, recovery.classes.get(c));
    }
    return recovery;
  }

  private void scanClass(MessageClass messageClass, ClassState state) throws IOException {
    Path classDirectory = directory.resolve(messageClass.directoryName());
    Files.createDirectories(classDirectory);
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(classDirectory)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.endsWith(DurableFiles.TEMP_SUFFIX)) {
          Files.deleteIfExists(entry);
        } else if (Segment.parseFileName(name) >= 0) {
          files.add(entry);
        }
      }
    }
    files.sort(Comparator.comparingLong(p -> Segment.parseFileName(p.getFileName().toString())));
    long previous = 0;
    for (Path file : files) {
      Segment segment = scanSegment(messageClass, file, previous);
      if (segment != null) {
        state.segments.add(segment);
        previous = segment.lastSequence;
        lastSequence = Math.max(lastSequence, segment.lastSequence);
      }
    }
  }

  /** Checks one segment file, repairs it, and describes it; null if nothing in it survived. */
  private Segment scanSegment(MessageClass messageClass, Path file, long previous)
      throws IOException {
    long base = Segment.parseFileName(file.getFileName().toString());
    Pass pass = null;
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = channel.size();
      ByteBuffer header = ByteBuffer.allocate(SEGMENT_HEADER_BYTES);
      while (header.hasRemaining() && channel.read(header, header.position()) > 0) {
        // Fill the header.
      }
      header.flip();
      if (!RecordFormat.validSegmentHeader(header)) {
        if (size >= SEGMENT_HEADER_BYTES) {
          corruptRecords++;
          LOG.warning(() -> "outbox segment " + file + " has no valid header; deleted");
        }
      } else {
        pass = scanRepairing(messageClass, file, channel, base, previous, size);
      }
    }
    if (pass == null || pass.records == 0) {
      Files.delete(file);
      return null;
    }
    Segment segment = new Segment(messageClass, file, base);
    segment.firstSequence = pass.firstSequence;
    segment.lastSequence = pass.lastSequence;
    segment.sizeBytes = pass.keptBytes;
    segment.durableBytes = pass.keptBytes;
    segment.records = pass.records;
    segment.settled = pass.acknowledged;
    segment.sealed = true;
    if (pass.firstUnacknowledged > 0) {
      segment.startSequence = pass.firstUnacknowledged;
      segment.startOffset = pass.firstUnacknowledgedOffset;
      segment.startIndex = pass.firstUnacknowledgedIndex;
    }
    return segment;
  }

  /** Scans a segment with a valid header, then cuts a damaged tail or rewrites around holes. */
  private Pass scanRepairing(
      MessageClass messageClass,
      Path file,
      FileChannel channel,
      long base,
      long previous,
      long size)
      throws IOException {
    scanner.attach(channel);
    Pass pass = scan(messageClass, base, previous, size, null);
    corruptRecords += pass.damaged;
    if (pass.holes > 0) {
      pass = rewrite(messageClass, file, base, previous, size);
    } else if (pass.end < size) {
      channel.truncate(pass.end);
      if (sync) {
        channel.force(false);
      }
    }
    if (pass.damaged > 0) {
      Pass p = pass;
      LOG.warning(
          () ->
              "outbox segment %s: %d damaged record(s) dropped, %d intact kept"
                  .formatted(file, p.damaged, p.records));
    }
    return pass;
  }

  private Pass rewrite(MessageClass messageClass, Path file, long base, long previous, long size)
      throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + DurableFiles.TEMP_SUFFIX);
    Pass pass;
    try (FileChannel out =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer header = ByteBuffer.allocate(SEGMENT_HEADER_BYTES);
      RecordFormat.putSegmentHeader(header);
      header.flip();
      DurableFiles.writeFully(out, header, 0);
      out.position(SEGMENT_HEADER_BYTES);
      pass = scan(messageClass, base, previous, size, out);
      if (sync) {
        out.force(false);
      }
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return pass;
  }

  /** Reads every record; when {@code copyTo} is given, writes the intact ones to it. */
  private Pass scan(
      MessageClass messageClass, long base, long previous, long size, FileChannel copyTo)
      throws IOException {
    Pass pass = new Pass();
    long position = SEGMENT_HEADER_BYTES;
    long last = Math.max(previous, base - 1);
    while (true) {
      Step step = scanner.read(position, size);
      if (step == Step.RECORD && scanner.sequence() <= last) {
        step = Step.CORRUPT;
      }
      if (step == Step.END) {
        break;
      }
      if (step == Step.RECORD) {
        long sequence = scanner.sequence();
        if (pass.records == 0) {
          pass.firstSequence = sequence;
        }
        if (acks.isAcknowledged(messageClass, sequence)) {
          pass.acknowledged++;
        } else if (pass.firstUnacknowledged == 0) {
          pass.firstUnacknowledged = sequence;
          pass.firstUnacknowledgedOffset = pass.keptBytes;
          pass.firstUnacknowledgedIndex = pass.records;
        }
        if (copyTo != null) {
          scanner.copyRecordTo(copyTo);
        }
        pass.records++;
        pass.lastSequence = sequence;
        last = sequence;
        position += scanner.recordBytes();
        pass.keptBytes += scanner.recordBytes();
        continue;
      }
      pass.damaged++;
      int damagedBytes = scanner.recordBytes();
      if (step == Step.CORRUPT
          && damagedBytes > 0
          && scanner.read(position + damagedBytes, size) == Step.RECORD
          && scanner.sequence() > last) {
        pass.holes++;
        position += damagedBytes;
        continue;
      }
      break;
    }
    pass.end = position;
    return pass;
  }

  /** Records the last sequence, then deletes segments with nothing left to send. */
  private void settle(MessageClass messageClass, ClassState state) throws IOException {
    state.segments.removeIf(
        segment -> {
          if (!segment.fullySettled()) {
            return false;
          }
          try {
            Files.deleteIfExists(segment.path);
          } catch (IOException e) {
            LOG.warning(() -> "could not delete acknowledged segment " + segment + ": " + e);
          }
          return true;
        });
    if (sync) {
      DurableFiles.syncDirectory(directory.resolve(messageClass.directoryName()));
    }
    if (state.segments.isEmpty()) {
      state.floor = lastSequence;
    } else {
      state.floor = state.segments.get(0).startSequence - 1;
    }
    SequenceList above = acks.acks[messageClass.ordinal()];
    long floor = state.floor;
    above.retainSorted(s -> s > floor);
    state.acknowledgedAboveFloor = above.toArray();
  }

  /** Counts from one pass over a segment. */
  private static final class Pass {
    int records;
    int acknowledged;
    long firstSequence;
    long lastSequence;
    long firstUnacknowledged;
    long firstUnacknowledgedOffset;
    int firstUnacknowledgedIndex;
    long keptBytes = SEGMENT_HEADER_BYTES;
    long end;
    int damaged;
    int holes;
  }
}
