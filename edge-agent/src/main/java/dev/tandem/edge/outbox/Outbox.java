package dev.tandem.edge.outbox;

import static dev.tandem.edge.outbox.RecordFormat.SEGMENT_HEADER_BYTES;

import dev.tandem.protocol.topic.TopicKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;
import java.util.logging.Logger;
import java.util.zip.CRC32C;

/**
 * The agent's durable outbox: every outgoing message is stored here before it is sent, and stays
 * until the broker acknowledges it.
 *
 * <p>Records live in append-only segment files, one series per {@link MessageClass}. A record whose
 * {@link #append} returned survives the death of the process at any moment (the write is in the OS
 * page cache); {@link FsyncPolicy} decides what survives power loss. Sequence numbers increase
 * strictly across restarts and are never reused. When an append would exceed the disk budget, whole
 * oldest segments are shed by priority and counted.
 *
 * <p>Thread-safe: the pipeline threads append while the uplink polls, acknowledges and requeues.
 * One short lock guards everything; encoders run under it and must be quick.
 */
public final class Outbox implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
  private static final String LOCK_FILE = "outbox.lock";
  private static final int CLASSES = MessageClass.values().length;

  /** Acknowledgements appended to the ack log before it is compacted. */
  static final int ACK_COMPACTION_ENTRIES = 16_384;

  private final Object lock = new Object();
  private final OutboxConfig config;
  private final InstantSource clock;
  private final Path directory;
  private final boolean sync;
  private final int ackCompactionEntries;
  private final FileChannel lockChannel;
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
  private boolean encoding;
  private OutboxStatus status = OutboxStatus.OPEN;

  private Outbox(OutboxConfig config, InstantSource clock, int ackCompactionEntries)
      throws IOException {
    this.config = config;
    this.clock = clock;
    this.directory = config.directory();
    this.sync = config.fsync() != FsyncPolicy.NEVER;
    this.ackCompactionEntries = ackCompactionEntries;
    Files.createDirectories(directory);
    this.lockChannel =
        FileChannel.open(
            directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      lockDirectory();
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
    } catch (IOException | RuntimeException e) {
      lockChannel.close();
      throw e;
    }
  }

  /**
   * Opens the outbox in {@code config.directory()}, creating it or recovering what a previous run
   * (clean or killed) left there.
   *
   * @param clock the source of enqueue times and of the fsync interval
   * @throws OutboxException with {@link OutboxErrorCode#LOCKED} if another outbox holds the
   *     directory, or {@link OutboxErrorCode#IO} if it cannot be read or written
   */
  public static Outbox open(OutboxConfig config, InstantSource clock) {
    return open(config, clock, ACK_COMPACTION_ENTRIES);
  }

  static Outbox open(OutboxConfig config, InstantSource clock, int ackCompactionEntries) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    try {
      return new Outbox(config, clock, ackCompactionEntries);
    } catch (IOException e) {
      throw new OutboxException(
          OutboxErrorCode.IO, "cannot open the outbox in " + config.directory() + ": " + e, e);
    }
  }

  private void lockDirectory() throws IOException {
    FileLock fileLock;
    try {
      fileLock = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      fileLock = null;
    }
    if (fileLock == null) {
      throw new OutboxException(
          OutboxErrorCode.LOCKED, "the outbox in " + directory + " is already open");
    }
  }

  /**
   * Assigns the next sequence number, asks {@code encoder} for the payload carrying it, and stores
   * the payload durably (see {@link FsyncPolicy}) before returning. When the record does not fit
   * the disk budget, older segments are shed first (see {@link MessageClass}).
   *
   * @param encoder called once, under the outbox's lock, with the sequence the payload must carry;
   *     it must not call back into this outbox. If it throws, nothing is stored and the sequence is
   *     not used.
   * @return the sequence number of the stored record
   * @throws OutboxFullException if the record does not fit and nothing it may shed is left; the
   *     sequence is not used
   * @throws OutboxException with {@link OutboxErrorCode#RECORD_TOO_LARGE}, {@link
   *     OutboxErrorCode#IO} or {@link OutboxErrorCode#CLOSED}; nothing was stored
   */
  public long append(MessageClass messageClass, TopicKind kind, LongFunction<byte[]> encoder) {
    Objects.requireNonNull(messageClass, "messageClass");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(encoder, "encoder");
    synchronized (lock) {
      requireOpen();
      if (encoding) {
        throw new IllegalStateException("an encoder must not call back into the outbox");
      }
      long sequence = lastSequence + 1;
      byte[] payload;
      encoding = true;
      try {
        payload = encoder.apply(sequence);
      } finally {
        encoding = false;
      }
      Objects.requireNonNull(payload, "encoder returned null");
      int recordBytes = RecordFormat.recordBytes(payload.length);
      if (recordBytes > config.segmentBytes() - SEGMENT_HEADER_BYTES) {
        throw new OutboxException(
            OutboxErrorCode.RECORD_TOO_LARGE,
            "a %s payload of %d bytes does not fit a segment of %d bytes (at most %d)"
                .formatted(
                    messageClass,
                    payload.length,
                    config.segmentBytes(),
                    config.segmentBytes() - SEGMENT_HEADER_BYTES - RecordFormat.RECORD_OVERHEAD));
      }
      try {
        makeRoom(messageClass, recordBytes);
        write(logs.get(messageClass), sequence, kind, payload, recordBytes);
      } catch (IOException e) {
        throw new OutboxException(
            OutboxErrorCode.IO, "could not store a " + messageClass + " record: " + e, e);
      }
      return sequence;
    }
  }

  /**
   * Assigns a sequence number without storing a record, for a message someone else sends on the
   * device's behalf (the MQTT last will). Recorded before it returns, so it is never reused.
   */
  public long reserveSequence() {
    synchronized (lock) {
      requireOpen();
      if (encoding) {
        throw new IllegalStateException("an encoder must not call back into the outbox");
      }
      long sequence = lastSequence + 1;
      try {
        MetaFile.write(directory, sequence, sync);
      } catch (IOException e) {
        throw new OutboxException(OutboxErrorCode.IO, "could not record a sequence: " + e, e);
      }
      lastSequence = sequence;
      persistedSequence = sequence;
      return sequence;
    }
  }

  /**
   * Hands out up to {@code max} records that are neither acknowledged nor in flight, oldest
   * sequence first across all classes (so each class keeps its order). They stay in flight until
   * {@link #acknowledge}d or {@link #requeueUnacknowledged requeued}. Under {@link
   * FsyncPolicy#INTERVAL} only records already forced to the device are handed out.
   *
   * @throws OutboxException with {@link OutboxErrorCode#IO} if nothing could be read, or {@link
   *     OutboxErrorCode#CLOSED}
   */
  public List<OutboxRecord> poll(int max) {
    if (max < 0) {
      throw new IllegalArgumentException("max must not be negative, got " + max);
    }
    synchronized (lock) {
      requireOpen();
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
  }

  /**
   * Records that the broker has the record with this sequence, so it is never handed out again, not
   * even after a restart. Acknowledgements may arrive in any order; unknown, repeated, shed ones
   * and those arriving after {@link #close()} are ignored.
   *
   * @throws OutboxException with {@link OutboxErrorCode#IO} if it could not be recorded; the record
   *     then stays in flight
   */
  public void acknowledge(long sequence) {
    synchronized (lock) {
      if (status != OutboxStatus.OPEN) {
        return;
      }
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
      try {
        ackLog.append(owner.messageClass, sequence);
      } catch (IOException e) {
        throw new OutboxException(
            OutboxErrorCode.IO,
            "could not record the acknowledgement of " + sequence + ": " + e,
            e);
      }
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
  }

  /**
   * After a reconnect: every record handed out and not acknowledged is handed out again by the next
   * polls, in sequence order, before anything newer of its class.
   */
  public void requeueUnacknowledged() {
    synchronized (lock) {
      requireOpen();
      for (ClassLog log : logs.values()) {
        log.requeue();
      }
    }
  }

  /** Depth, age, disk use and counters; see {@link OutboxStats}. */
  public OutboxStats stats() {
    synchronized (lock) {
      Map<MessageClass, Long> depth = new EnumMap<>(MessageClass.class);
      Map<MessageClass, Long> shedCounts = new EnumMap<>(MessageClass.class);
      Map<MessageClass, Long> refusedCounts = new EnumMap<>(MessageClass.class);
      long now = clock.millis();
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
        if (status == OutboxStatus.OPEN && log.unacknowledged > 0) {
          try {
            oldest = Math.min(oldest, log.oldestMillis());
          } catch (IOException e) {
            LOG.fine(() -> "outbox age unknown: " + e);
          }
        }
      }
      long age = oldest == Long.MAX_VALUE ? 0 : Math.max(0, now - oldest);
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
  }

  public OutboxStatus status() {
    synchronized (lock) {
      return status;
    }
  }

  public OutboxConfig config() {
    return config;
  }

  /**
   * Forces what is pending (unless the policy is NEVER), records the acknowledgements and the last
   * sequence, and releases the directory. Idempotent.
   *
   * @throws OutboxException with {@link OutboxErrorCode#IO} if the final state could not be saved;
   *     the outbox is closed anyway and the next open recovers it
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (status == OutboxStatus.CLOSED) {
        return;
      }
      status = OutboxStatus.CLOSED;
      IOException failure = null;
      try {
        if (sync) {
          syncAll(clock.millis());
        }
        compactAcks();
        MetaFile.write(directory, lastSequence, sync);
      } catch (IOException e) {
        failure = e;
      }
      for (ClassLog log : logs.values()) {
        log.close();
      }
      try {
        ackLog.close();
        lockChannel.close();
      } catch (IOException e) {
        failure = failure == null ? e : failure;
      }
      if (failure != null) {
        throw new OutboxException(
            OutboxErrorCode.IO, "the outbox closed without saving its state: " + failure, failure);
      }
    }
  }

  /**
   * Releases the directory the way a killed process does: nothing forced, compacted or recorded.
   * For crash tests within one JVM.
   */
  void abandon() {
    synchronized (lock) {
      status = OutboxStatus.CLOSED;
      for (ClassLog log : logs.values()) {
        log.close();
      }
      try {
        ackLog.close();
        lockChannel.close();
      } catch (IOException ignored) {
        // Abandoned on purpose.
      }
    }
  }

  private void requireOpen() {
    if (status != OutboxStatus.OPEN) {
      throw new OutboxException(
          OutboxErrorCode.CLOSED, "the outbox in " + directory + " is " + status);
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
