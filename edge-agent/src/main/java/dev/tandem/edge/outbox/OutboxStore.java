package dev.tandem.edge.outbox;

import static dev.tandem.edge.outbox.RecordFormat.SEGMENT_HEADER_BYTES;

import dev.tandem.edge.files.DurableFiles;
import dev.tandem.protocol.topic.TopicKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.zip.CRC32C;

/**
 * The files and bookkeeping behind an {@link Outbox}: writing, shedding, forcing, reading in
 * sequence order, acknowledging and deleting. Not thread-safe: the outbox calls it under its lock.
 */
final class OutboxStore {
  private static final Logger LOG = Logger.getLogger(OutboxStore.class.getName());
  private static final int CLASSES = MessageClass.values().length;

  private final OutboxConfig config;
  private final InstantSource clock;
  private final Path directory;
  private final boolean sync;
  private final int ackCompactionEntries;
  private final Map<MessageClass, ClassLog> logs = new EnumMap<>(MessageClass.class);
  private final AckLog ackLog;
  private final CRC32C crc = new CRC32C();
  private final long[] shed = new long[CLASSES];
  private final long[] refused = new long[CLASSES];
  private final long recoveredCorrupt;
  private ByteBuffer writeBuffer = ByteBuffer.allocateDirect(16 * 1024);
  private long lastSequence;
  private long persistedSequence;
  private long segmentBytes;
  private long appended;
  private long acknowledged;
  private long lastSyncMillis;

  /** Recovers the directory (see {@link Recovery}) and starts a fresh ack log. */
  OutboxStore(OutboxConfig config, InstantSource clock, int ackCompactionEntries)
      throws IOException {
    this.config = config;
    this.clock = clock;
    this.directory = config.directory();
    this.sync = config.fsync() != FsyncPolicy.NEVER;
    this.ackCompactionEntries = ackCompactionEntries;
    Recovery recovered = Recovery.run(directory, config.fsync());
    long[] floors = new long[CLASSES];
    long[][] acks = new long[CLASSES][];
    for (MessageClass c : MessageClass.values()) {
      Recovery.ClassState state = recovered.classes.get(c);
      ClassLog log = new ClassLog(c, directory.resolve(c.directoryName()), state, config.fsync());
      logs.put(c, log);
      floors[c.ordinal()] = state.floor;
      acks[c.ordinal()] = state.acknowledgedAboveFloor;
      for (Segment segment : log.segments) {
        segmentBytes += segment.sizeBytes;
      }
    }
    this.ackLog = AckLog.create(directory, floors, acks, sync);
    this.lastSequence = recovered.lastSequence;
    this.persistedSequence = recovered.lastSequence;
    this.recoveredCorrupt = recovered.corruptRecords;
    this.lastSyncMillis = clock.millis();
  }

  long lastSequence() {
    return lastSequence;
  }

  /** Stores a record with the next sequence, shedding first if it does not fit the budget. */
  void store(MessageClass messageClass, TopicKind kind, long sequence, byte[] payload)
      throws IOException {
    int recordBytes = RecordFormat.recordBytes(payload.length);
    int maxPayload = config.segmentBytes() - SEGMENT_HEADER_BYTES - RecordFormat.RECORD_OVERHEAD;
    if (payload.length > maxPayload) {
      throw new OutboxException(
          OutboxErrorCode.RECORD_TOO_LARGE,
          "a %s payload of %d bytes does not fit a segment of %d bytes (at most %d)"
              .formatted(messageClass, payload.length, config.segmentBytes(), maxPayload));
    }
    makeRoom(messageClass, recordBytes);
    write(logs.get(messageClass), sequence, kind, payload, recordBytes);
  }

  /** Assigns the next sequence without a record, recorded before it is returned. */
  long reserve() throws IOException {
    long sequence = lastSequence + 1;
    MetaFile.write(directory, sequence, sync);
    lastSequence = sequence;
    persistedSequence = sequence;
    return sequence;
  }

  /** Up to {@code max} records, oldest sequence first across classes. */
  List<OutboxRecord> poll(int max) {
    List<OutboxRecord> batch = new ArrayList<>(Math.min(max, 512));
    try {
      syncIfDue(clock.millis());
    } catch (IOException e) {
      LOG.warning(() -> "outbox could not force pending records: " + e);
    }
    try {
      while (batch.size() < max) {
        ClassLog best = null;
        OutboxRecord bestRecord = null;
        for (ClassLog log : logs.values()) {
          OutboxRecord candidate = log.nextCandidate();
          if (candidate != null
              && (bestRecord == null || candidate.sequence() < bestRecord.sequence())) {
            best = log;
            bestRecord = candidate;
          }
        }
        if (best == null) {
          break;
        }
        best.take(bestRecord);
        batch.add(bestRecord);
      }
    } catch (IOException e) {
      if (batch.isEmpty()) {
        throw new OutboxException(OutboxErrorCode.IO, "could not read the outbox: " + e, e);
      }
      LOG.warning(() -> "outbox read stopped early: " + e);
    }
    return batch;
  }

  /** Records an acknowledgement of a handed-out record; ignores anything else. */
  void acknowledge(long sequence) throws IOException {
    ClassLog owner = null;
    for (ClassLog log : logs.values()) {
      if (log.isHandedOut(sequence)) {
        owner = log;
        break;
      }
    }
    if (owner == null) {
      return;
    }
    ackLog.append(owner.messageClass, sequence);
    acknowledged++;
    Segment segment = owner.acknowledge(sequence);
    if (segment != null && segment.sealed && segment.fullySettled()) {
      deleteQuietly(owner, segment);
    }
    if (ackLog.entriesSinceCompaction() >= ackCompactionEntries) {
      try {
        compactAcks();
      } catch (IOException e) {
        LOG.warning(() -> "could not compact the outbox ack log: " + e);
      }
    }
  }

  void requeue() {
    for (ClassLog log : logs.values()) {
      log.requeue();
    }
  }

  /** The stats; {@code open} false skips reading the age from disk. */
  OutboxStats stats(boolean open) {
    Map<MessageClass, Long> depth = new EnumMap<>(MessageClass.class);
    Map<MessageClass, Long> shedCounts = new EnumMap<>(MessageClass.class);
    Map<MessageClass, Long> refusedCounts = new EnumMap<>(MessageClass.class);
    long oldest = Long.MAX_VALUE;
    long inFlight = 0;
    long corrupt = recoveredCorrupt;
    for (ClassLog log : logs.values()) {
      MessageClass c = log.messageClass;
      depth.put(c, log.unacknowledged);
      shedCounts.put(c, shed[c.ordinal()]);
      refusedCounts.put(c, refused[c.ordinal()]);
      inFlight += log.inFlight.size();
      corrupt += log.corruptRecords;
      if (open && log.unacknowledged > 0) {
        try {
          oldest = Math.min(oldest, log.oldestMillis());
        } catch (IOException e) {
          LOG.fine(() -> "outbox age unknown: " + e);
        }
      }
    }
    long age = oldest == Long.MAX_VALUE ? 0 : Math.max(0, clock.millis() - oldest);
    long bytes = segmentBytes + ackLog.sizeBytes() + MetaFile.BYTES;
    return new OutboxStats(
        depth,
        inFlight,
        bytes,
        age,
        appended,
        acknowledged,
        shedCounts,
        refusedCounts,
        corrupt,
        lastSequence);
  }

  /** Forces (unless NEVER), compacts acknowledgements, records the last sequence, closes files. */
  void close() throws IOException {
    try {
      if (sync) {
        syncAll(clock.millis());
      }
      compactAcks();
      MetaFile.write(directory, lastSequence, sync);
    } finally {
      release();
    }
  }

  /** Closes every file without saving anything, as a killed process would. */
  void release() {
    for (ClassLog log : logs.values()) {
      log.close();
    }
    try {
      ackLog.close();
    } catch (IOException e) {
      LOG.fine(() -> "closing the ack log: " + e);
    }
  }

  /** Sheds by priority until a record of {@code recordBytes} fits the budget, or refuses it. */
  private void makeRoom(MessageClass incoming, int recordBytes) throws IOException {
    ClassLog target = logs.get(incoming);
    while (true) {
      Segment active = target.active();
      boolean roll = active == null || active.sizeBytes + recordBytes > config.segmentBytes();
      long needed = recordBytes + (roll ? SEGMENT_HEADER_BYTES : 0);
      if (segmentBytes + needed <= config.diskBudgetBytes()) {
        return;
      }
      Segment victim =
          Shedding.victim(incoming, config.eventShedPolicy(), c -> logs.get(c).segments);
      if (victim == null) {
        refused[incoming.ordinal()]++;
        throw new OutboxFullException(
            incoming,
            "the outbox is full (%d of %d bytes) and may not shed anything for a %s message"
                .formatted(segmentBytes, config.diskBudgetBytes(), incoming));
      }
      ClassLog owner = logs.get(victim.messageClass);
      int lost = victim.unsettled();
      deleteSegment(owner, victim);
      shed[victim.messageClass.ordinal()] += lost;
      owner.unacknowledged -= lost;
      LOG.fine(() -> "outbox shed " + lost + " record(s) of " + victim + " for a " + incoming);
    }
  }

  private void write(ClassLog log, long sequence, TopicKind kind, byte[] payload, int recordBytes)
      throws IOException {
    long now = clock.millis();
    Segment segment = log.active();
    boolean roll = segment == null || segment.sizeBytes + recordBytes > config.segmentBytes();
    ByteBuffer buffer = writeBuffer(SEGMENT_HEADER_BYTES + recordBytes);
    if (roll) {
      RecordFormat.putSegmentHeader(buffer);
    }
    RecordFormat.putRecord(buffer, crc, sequence, now, kind, payload);
    buffer.flip();
    int bytes = buffer.remaining();
    if (roll) {
      if (segment != null) {
        seal(log, segment);
      }
      segment = log.create(sequence);
    } else if (!segment.writer.isOpen()) {
      // An interrupted thread closed the channel (FileChannel is interruptible); reopen it.
      segment.writer = FileChannel.open(segment.path, StandardOpenOption.WRITE);
    }
    try {
      DurableFiles.writeFully(segment.writer, buffer, segment.sizeBytes);
    } catch (IOException e) {
      // Nothing counts past sizeBytes: the next write overwrites, recovery cuts a torn tail.
      if (roll) {
        log.remove(segment);
        segment.closeQuietly();
        Files.deleteIfExists(segment.path);
      }
      throw e;
    }
    if (segment.durableBytes == segment.sizeBytes) {
      segment.firstUndurableMillis = now;
    }
    if (segment.records == 0) {
      segment.firstSequence = sequence;
    }
    segment.records++;
    segment.lastSequence = sequence;
    segment.sizeBytes += bytes;
    segmentBytes += bytes;
    lastSequence = sequence;
    appended++;
    log.unacknowledged++;
    afterWrite(log, segment, now);
  }

  private void afterWrite(ClassLog log, Segment segment, long now) {
    try {
      switch (config.fsync()) {
        case ALWAYS -> {
          segment.writer.force(false);
          segment.durableBytes = segment.sizeBytes;
          syncDirectoryIfDirty(log);
        }
        case INTERVAL -> syncIfDue(now);
        case NEVER -> segment.durableBytes = segment.sizeBytes;
      }
    } catch (IOException e) {
      // The record is written (page cache); only its power-loss safety is in doubt.
      segment.durableBytes = segment.sizeBytes;
      LOG.warning(() -> "outbox could not force " + segment + ": " + e);
    }
  }

  private void syncIfDue(long now) throws IOException {
    if (config.fsync() == FsyncPolicy.INTERVAL
        && now - lastSyncMillis >= config.fsyncInterval().toMillis()) {
      syncAll(now);
    }
  }

  private void syncAll(long now) throws IOException {
    lastSyncMillis = now;
    for (ClassLog log : logs.values()) {
      Segment active = log.active();
      if (active != null && active.durableBytes < active.sizeBytes) {
        long size = active.sizeBytes;
        if (!active.writer.isOpen()) {
          // An interrupted appender closed the channel; its bytes are in the page cache.
          active.writer = FileChannel.open(active.path, StandardOpenOption.WRITE);
        }
        try {
          active.writer.force(false);
        } finally {
          active.durableBytes = size;
        }
      }
      syncDirectoryIfDirty(log);
    }
  }

  private void syncDirectoryIfDirty(ClassLog log) {
    if (log.directoryDirty) {
      log.directoryDirty = false;
      DurableFiles.syncDirectory(log.directory);
    }
  }

  private void seal(ClassLog log, Segment segment) {
    try {
      segment.seal(config.fsync());
    } catch (IOException e) {
      LOG.warning(() -> "outbox could not force " + segment + " while sealing it: " + e);
    }
    if (segment.fullySettled()) {
      deleteQuietly(log, segment);
    }
  }

  /** Deletes a segment, first recording the last sequence so that it is never reused. */
  private void deleteSegment(ClassLog log, Segment segment) throws IOException {
    if (persistedSequence < segment.lastSequence) {
      MetaFile.write(directory, lastSequence, sync);
      persistedSequence = lastSequence;
    }
    log.remove(segment);
    segment.closeQuietly();
    segmentBytes -= segment.sizeBytes;
    Files.deleteIfExists(segment.path);
  }

  private void deleteQuietly(ClassLog log, Segment segment) {
    try {
      deleteSegment(log, segment);
    } catch (IOException e) {
      LOG.warning(() -> "could not delete acknowledged segment " + segment + ": " + e);
    }
  }

  private void compactAcks() throws IOException {
    long[] floors = new long[CLASSES];
    long[][] acks = new long[CLASSES][];
    for (ClassLog log : logs.values()) {
      int i = log.messageClass.ordinal();
      floors[i] = log.floor();
      acks[i] = log.acknowledgedAbove(floors[i]);
    }
    ackLog.compact(floors, acks);
  }

  private ByteBuffer writeBuffer(int bytes) {
    if (bytes > 1 << 20) {
      return ByteBuffer.allocate(bytes);
    }
    if (writeBuffer.capacity() < bytes) {
      writeBuffer = ByteBuffer.allocateDirect(Math.max(bytes, writeBuffer.capacity() * 2));
    }
    writeBuffer.clear();
    return writeBuffer;
  }
}
