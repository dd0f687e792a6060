package dev.tandem.edge.outbox;

import dev.tandem.protocol.topic.TopicKind;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;

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
  private static final String LOCK_FILE = "outbox.lock";

  /** Acknowledgements appended to the ack log before it is compacted. */
  static final int ACK_COMPACTION_ENTRIES = 16_384;

  private final Object lock = new Object();
  private final List<Long> reserved = new ArrayList<>();
  private final OutboxConfig config;
  private final FileChannel lockChannel;
  private final OutboxStore store;
  private boolean encoding;
  private OutboxStatus status = OutboxStatus.OPEN;

  private Outbox(OutboxConfig config, InstantSource clock, int ackCompactionEntries)
      throws IOException {
    this.config = config;
    Path directory = config.directory();
    Files.createDirectories(directory);
    this.lockChannel =
        FileChannel.open(
            directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      lockDirectory();
      this.store = new OutboxStore(config, clock, ackCompactionEntries);
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
          OutboxErrorCode.LOCKED, "the outbox in " + config.directory() + " is already open");
    }
  }

  /**
   * Assigns the next sequence number, asks {@code encoder} for the payload carrying it, and stores
   * the payload durably (see {@link FsyncPolicy}) before returning. When the record does not fit
   * the disk budget, older segments are shed first (see {@link MessageClass}).
   *
   * @param encoder called once, under the outbox's lock, with the sequence the payload must carry;
   *     it may read {@link #stats()} but must not append. If it throws, nothing is stored and the
   *     sequence is not used.
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
      requireOpenAndNotEncoding();
      long sequence = store.lastSequence() + 1;
      byte[] payload;
      encoding = true;
      try {
        payload = encoder.apply(sequence);
      } finally {
        encoding = false;
      }
      Objects.requireNonNull(payload, "encoder returned null");
      try {
        store.store(messageClass, kind, sequence, payload);
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
   *
   * @throws OutboxException with {@link OutboxErrorCode#IO} or {@link OutboxErrorCode#CLOSED}
   */
  public long reserveSequence() {
    synchronized (lock) {
      requireOpenAndNotEncoding();
      try {
        long sequence = store.reserve();
        reserved.add(sequence);
        return sequence;
      } catch (IOException e) {
        throw new OutboxException(OutboxErrorCode.IO, "could not record a sequence: " + e, e);
      }
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
      return store.poll(max);
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
      try {
        store.acknowledge(sequence);
      } catch (IOException e) {
        throw new OutboxException(
            OutboxErrorCode.IO,
            "could not record the acknowledgement of " + sequence + ": " + e,
            e);
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
      store.requeue();
    }
  }

  /**
   * The sequence numbers handed out by {@link #reserveSequence()} since this outbox was opened (one
   * per connection, so few): an end-to-end audit expects no record under them unless the broker
   * published the last will.
   */
  public List<Long> reservedSequences() {
    synchronized (lock) {
      return List.copyOf(reserved);
    }
  }

  /** Depth, age, disk use and counters; see {@link OutboxStats}. Also after close. */
  public OutboxStats stats() {
    synchronized (lock) {
      return store.stats(status == OutboxStatus.OPEN);
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
        store.close();
      } catch (IOException e) {
        failure = e;
      }
      try {
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
      store.release();
      try {
        lockChannel.close();
      } catch (IOException ignored) {
        // Abandoned on purpose.
      }
    }
  }

  private void requireOpen() {
    if (status != OutboxStatus.OPEN) {
      throw new OutboxException(
          OutboxErrorCode.CLOSED, "the outbox in " + config.directory() + " is " + status);
    }
  }

  private void requireOpenAndNotEncoding() {
    requireOpen();
    if (encoding) {
      throw new IllegalStateException("an encoder must not append or reserve sequences");
    }
  }
}
