package dev.tandem.edge.outbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Everything the outbox keeps for one message class: its segments (oldest first), the reader, and
 * the records handed out but not yet acknowledged. Guarded by the outbox's lock.
 */
final class ClassLog {
  private static final Logger LOG = Logger.getLogger(ClassLog.class.getName());

  final MessageClass messageClass;
  final Path directory;
  final List<Segment> segments;
  final SegmentReader reader;

  /** Handed out by poll, waiting for an acknowledgement. */
  final TreeMap<Long, OutboxRecord> inFlight = new TreeMap<>();

  /** Handed out before a reconnect; polled again before anything newer of this class. */
  final TreeMap<Long, OutboxRecord> requeued = new TreeMap<>();

  /** Acknowledged sequences the next ack-log compaction must keep. */
  private final SequenceList acknowledged = new SequenceList();

  long unacknowledged;
  long corruptRecords;
  boolean directoryDirty;
  private final FsyncPolicy fsync;

  ClassLog(
      MessageClass messageClass, Path directory, Recovery.ClassState recovered, FsyncPolicy fsync) {
    this.messageClass = messageClass;
    this.directory = directory;
    this.fsync = fsync;
    this.segments = new ArrayList<>(recovered.segments);
    for (Segment segment : segments) {
      unacknowledged += segment.unsettled();
    }
    for (long sequence : recovered.acknowledgedAboveFloor) {
      acknowledged.add(sequence);
    }
    this.reader =
        new SegmentReader(
            this, fsync == FsyncPolicy.INTERVAL, recovered.acknowledgedAboveFloor, recovered.floor);
  }

  /** The segment open for appends, or null if the next append starts a new one. */
  Segment active() {
    if (segments.isEmpty()) {
      return null;
    }
    Segment newest = segments.get(segments.size() - 1);
    return newest.sealed ? null : newest;
  }

  /** Starts a new segment for {@code sequence} and makes it the active one. */
  Segment create(long sequence) throws IOException {
    Segment segment =
        new Segment(messageClass, directory.resolve(Segment.fileName(sequence)), sequence);
    segment.writer =
        FileChannel.open(
            segment.path,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
    segments.add(segment);
    directoryDirty = true;
    return segment;
  }

  /** The first segment created after {@code baseSequence}, or null. */
  Segment segmentAfter(long baseSequence) {
    int low = 0;
    int high = segments.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (segments.get(mid).baseSequence <= baseSequence) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low < segments.size() ? segments.get(low) : null;
  }

  /** The segment holding {@code sequence}, or null. */
  Segment find(long sequence) {
    int low = 0;
    int high = segments.size() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      Segment segment = segments.get(mid);
      if (sequence < segment.firstSequence) {
        high = mid - 1;
      } else if (sequence > segment.lastSequence) {
        low = mid + 1;
      } else {
        return segment;
      }
    }
    return null;
  }

  /**
   * Forgets {@code segment}: the reader leaves it, and records of it that were handed out are no
   * longer waited for.
   */
  void remove(Segment segment) {
    segments.remove(segment);
    reader.segmentRemoved(segment);
    if (segment.records > 0) {
      inFlight.subMap(segment.firstSequence, true, segment.lastSequence, true).clear();
      requeued.subMap(segment.firstSequence, true, segment.lastSequence, true).clear();
    }
  }

  /** The oldest record of this class that poll would hand out next, or null. */
  OutboxRecord nextCandidate() throws IOException {
    Map.Entry<Long, OutboxRecord> first = requeued.firstEntry();
    return first != null ? first.getValue() : reader.peek();
  }

  /** Hands out {@code record}, which {@link #nextCandidate()} returned. */
  void take(OutboxRecord record) {
    if (requeued.remove(record.sequence()) == null) {
      reader.take();
    }
    inFlight.put(record.sequence(), record);
  }

  boolean isHandedOut(long sequence) {
    return inFlight.containsKey(sequence) || requeued.containsKey(sequence);
  }

  /** Records an acknowledgement of a handed-out record; returns its segment, or null. */
  Segment acknowledge(long sequence) {
    if (inFlight.remove(sequence) == null) {
      requeued.remove(sequence);
    }
    acknowledged.add(sequence);
    unacknowledged--;
    Segment segment = find(sequence);
    if (segment != null) {
      segment.settled++;
    }
    return segment;
  }

  /** After a reconnect: everything in flight is polled again, oldest first. */
  void requeue() {
    requeued.putAll(inFlight);
    inFlight.clear();
  }

  /**
   * A sequence such that every record of this class up to it is acknowledged or gone: below
   * everything handed out and unacknowledged, and below everything the reader has not reached.
   */
  long floor() {
    long floor = reader.lastConsumed();
    if (!inFlight.isEmpty()) {
      floor = Math.min(floor, inFlight.firstKey() - 1);
    }
    if (!requeued.isEmpty()) {
      floor = Math.min(floor, requeued.firstKey() - 1);
    }
    return floor;
  }

  /** The acknowledged sequences above {@code floor} in live segments, sorted; forgets the rest. */
  long[] acknowledgedAbove(long floor) {
    acknowledged.retainSorted(s -> s > floor && find(s) != null);
    return acknowledged.toArray();
  }

  /** Enqueue time of the oldest unacknowledged record, or {@link Long#MAX_VALUE} if none. */
  long oldestMillis() throws IOException {
    long oldest = Long.MAX_VALUE;
    if (!inFlight.isEmpty()) {
      oldest = inFlight.firstEntry().getValue().enqueuedAtMillis();
    }
    if (!requeued.isEmpty()) {
      oldest = Math.min(oldest, requeued.firstEntry().getValue().enqueuedAtMillis());
    }
    OutboxRecord next = reader.peek();
    if (next != null) {
      oldest = Math.min(oldest, next.enqueuedAtMillis());
    }
    Segment active = active();
    if (active != null && active.durableBytes < active.sizeBytes) {
      oldest = Math.min(oldest, active.firstUndurableMillis);
    }
    return oldest;
  }

  /** The reader found {@code lost} unreadable records at the end of {@code segment}. */
  void lostToCorruption(Segment segment, int lost) {
    LOG.warning(() -> "outbox segment " + segment + ": " + lost + " record(s) unreadable, skipped");
    segment.settled += lost;
    unacknowledged -= lost;
    corruptRecords += lost;
    if (!segment.sealed) {
      try {
        segment.seal(fsync);
      } catch (IOException e) {
        LOG.warning(() -> "could not seal damaged segment " + segment + ": " + e);
      }
    }
  }

  void close() {
    reader.close();
    for (Segment segment : segments) {
      segment.closeQuietly();
    }
  }
}
