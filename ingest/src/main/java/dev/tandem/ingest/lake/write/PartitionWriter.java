package dev.tandem.ingest.lake.write;

import dev.tandem.ingest.lake.FlushListener;
import dev.tandem.ingest.lake.LakeConfig;
import dev.tandem.ingest.lake.LakeMetrics;
import dev.tandem.ingest.lake.LakeMetrics.Counter;
import dev.tandem.ingest.lake.dataset.DecodedMessage;
import dev.tandem.ingest.lake.dataset.LakeDataset;
import dev.tandem.ingest.lake.dedup.PartitionDedup;
import dev.tandem.ingest.lake.dedup.SequenceWindow;
import dev.tandem.ingest.lake.dedup.Verdict;
import dev.tandem.ingest.lake.parquet.ParquetTables;
import dev.tandem.ingest.lake.store.Checkpoint;
import dev.tandem.ingest.lake.store.CheckpointStore;
import dev.tandem.ingest.lake.store.LakeLayout;
import dev.tandem.ingest.lake.store.LakeStore;
import dev.tandem.ingest.lake.store.PendingFlush;
import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.stream.RecordHeaderNames;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Writes one Kafka partition of one dataset to the lake. Records are decoded, deduplicated by
 * (device, sequence) and held in memory per event-time hour; a flush stores one Parquet file per
 * hour and then the checkpoint that commits them. Owned by the writer thread; not thread-safe.
 */
public final class PartitionWriter {
  private static final Logger LOG = Logger.getLogger(PartitionWriter.class.getName());

  private final LakeDataset<?> dataset;
  private final String topic;
  private final int partition;
  private final LakeConfig config;
  private final LakeStore store;
  private final LakeLayout layout;
  private final CheckpointStore checkpoints;
  private final LakeMetrics metrics;
  private final FlushListener listener;
  private final PartitionDedup dedup;

  private final TreeMap<Instant, List<Object[]>> held = new TreeMap<>();
  // Files a failed flush may have stored; a retry covers more offsets, so other names.
  private final Set<String> attempted = new LinkedHashSet<>();
  private long nextOffset = -1;
  private long endOffset = -1;
  private int heldRows;
  private long heldBytes;
  private long heldSinceNanos;
  private long lastRecordTimestampMs;

  public PartitionWriter(
      LakeDataset<?> dataset,
      int partition,
      LakeConfig config,
      LakeStore store,
      CheckpointStore checkpoints,
      LakeMetrics metrics,
      FlushListener listener) {
    this.dataset = dataset;
    this.topic = config.topicOf(dataset);
    this.partition = partition;
    this.config = config;
    this.store = store;
    this.layout = config.layout();
    this.checkpoints = checkpoints;
    this.metrics = metrics;
    this.listener = listener;
    this.dedup = new PartitionDedup(config.dedupWindow(), config.dedupMaxDevices());
  }

  /**
   * Takes over the partition: restores the checkpoint's dedup state and deletes the files of a
   * flush a previous owner stored but never committed.
   *
   * @return the offset to resume from, or empty to start at the beginning of the partition
   */
  public OptionalLong recover() {
    OptionalLong resume = OptionalLong.empty();
    var checkpoint = checkpoints.read(dataset.name(), partition);
    if (checkpoint.isPresent()) {
      Checkpoint c = checkpoint.get();
      for (Checkpoint.DeviceWindow d : c.devices()) {
        dedup.restore(d.deviceId(), SequenceWindow.restore(d.window(), d.high(), d.bits()));
      }
      nextOffset = c.nextOffset();
      endOffset = c.nextOffset();
      resume = OptionalLong.of(c.nextOffset());
    }
    var pending = checkpoints.readPending(dataset.name(), partition);
    if (pending.isPresent() && pending.get().firstOffset() >= Math.max(nextOffset, 0)) {
      for (String file : pending.get().files()) {
        store.delete(file);
      }
      checkpoints.deletePending(dataset.name(), partition);
      LOG.info(
          () ->
              String.format(
                  "lake %s p%d: rolled back %d uncommitted file(s) of offsets %d-%d",
                  dataset.name(),
                  partition,
                  pending.get().files().size(),
                  pending.get().firstOffset(),
                  pending.get().lastOffset()));
    }
    LOG.info(
        () ->
            String.format(
                "lake %s p%d: resuming at %s with %d device(s) in dedup state",
                dataset.name(),
                partition,
                nextOffset < 0 ? "the beginning" : "offset " + nextOffset,
                dedup.devices().size()));
    return resume;
  }

  /** Decodes, deduplicates and holds one record. */
  public void add(ConsumerRecord<byte[], byte[]> record) {
    if (nextOffset >= 0 && record.offset() < nextOffset) {
      return; // already committed
    }
    if (nextOffset < 0) {
      nextOffset = record.offset();
    }
    if (!hasUncommitted()) {
      heldSinceNanos = System.nanoTime();
    }
    endOffset = record.offset() + 1;
    lastRecordTimestampMs = record.timestamp();
    metrics.add(dataset.name(), Counter.RECORDS_READ, 1);
    DecodedMessage message;
    try {
      message = dataset.decode(record.value(), receivedAt(record));
      checkKey(record, message);
    } catch (ProtocolException e) {
      metrics.add(dataset.name(), Counter.UNDECODABLE, 1);
      LOG.warning(
          () ->
              String.format(
                  "lake %s: skipped undecodable record %s-%d@%d (%s): %s",
                  dataset.name(), topic, partition, record.offset(), e.code(), e.getMessage()));
      return;
    }
    Verdict verdict = dedup.offer(message.deviceId(), message.sequence());
    if (verdict == Verdict.DUPLICATE) {
      metrics.add(dataset.name(), Counter.DUPLICATES, 1);
      return;
    }
    if (verdict == Verdict.BEYOND_WINDOW) {
      metrics.add(dataset.name(), Counter.BEYOND_WINDOW, 1);
      LOG.fine(
          () ->
              String.format(
                  "lake %s: dropped %s seq %d at %s-%d@%d, older than the dedup window",
                  dataset.name(),
                  message.deviceId(),
                  message.sequence(),
                  topic,
                  partition,
                  record.offset()));
      return;
    }
    metrics.add(dataset.name(), Counter.MESSAGES_WRITTEN, 1);
    if (!message.rows().isEmpty()) {
      held.computeIfAbsent(LakeLayout.hourOf(message.eventTimeMs()), h -> new ArrayList<>())
          .addAll(message.rows());
      heldRows += message.rows().size();
    }
    heldBytes += record.value() == null ? 0 : record.value().length;
  }

  /** Whether the held records should be written now: by rows, bytes or age. */
  public boolean due(long nowNanos) {
    if (!hasUncommitted()) {
      return false;
    }
    return full() || nowNanos - heldSinceNanos >= config.flushMaxAge().toNanos();
  }

  /** Whether the held rows or bytes reached their limit. */
  public boolean full() {
    return heldRows >= config.flushMaxRows() || heldBytes >= config.flushMaxBytes();
  }

  /** Whether records were consumed since the last commit. */
  public boolean hasUncommitted() {
    return nextOffset >= 0 && endOffset > nextOffset;
  }

  /**
   * Stores the held rows and commits them: pending record, one Parquet file per event hour,
   * checkpoint. On failure nothing is lost: the rows stay held and the flush can be retried.
   *
   * @return the new committed offset, or empty if there was nothing to commit
   * @throws dev.tandem.ingest.lake.store.LakeStoreException if the store fails
   */
  public OptionalLong flush() {
    if (!hasUncommitted()) {
      return OptionalLong.empty();
    }
    long first = nextOffset;
    long last = endOffset - 1;
    Map<String, byte[]> files = new LinkedHashMap<>();
    Map<String, Integer> rowsPerFile = new LinkedHashMap<>();
    for (Map.Entry<Instant, List<Object[]>> hour : held.entrySet()) {
      String name = layout.dataFile(dataset.name(), hour.getKey(), partition, first, last);
      files.put(
          name,
          ParquetTables.write(
              dataset.schema(),
              hour.getValue(),
              config.codec(),
              footer(hour.getValue(), first, last)));
      rowsPerFile.put(name, hour.getValue().size());
    }
    for (String stale : attempted) {
      if (!files.containsKey(stale)) {
        store.delete(stale); // else a later checkpoint would make it look committed
      }
    }
    attempted.clear();
    if (!files.isEmpty()) {
      attempted.addAll(files.keySet());
      checkpoints.writePending(
          new PendingFlush(dataset.name(), partition, first, last, List.copyOf(files.keySet())));
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        store.put(file.getKey(), file.getValue(), "application/vnd.apache.parquet");
        metrics.add(dataset.name(), Counter.FILES_WRITTEN, 1);
        metrics.add(dataset.name(), Counter.BYTES_WRITTEN, file.getValue().length);
        metrics.add(dataset.name(), Counter.ROWS_WRITTEN, rowsPerFile.get(file.getKey()));
        LOG.info(
            String.format(
                "lake: wrote %s (%d rows, %d bytes, offsets %d-%d)",
                file.getKey(),
                rowsPerFile.get(file.getKey()),
                file.getValue().length,
                first,
                last));
      }
      listener.afterUpload(dataset.name(), partition, List.copyOf(files.keySet()));
    }
    checkpoints.write(checkpoint(endOffset));
    attempted.clear();
    long committed = endOffset;
    nextOffset = committed;
    held.clear();
    heldRows = 0;
    heldBytes = 0;
    heldSinceNanos = 0;
    metrics.add(dataset.name(), Counter.COMMITS, 1);
    metrics.set(
        dataset.name(),
        Counter.LAST_COMMIT_LAG_MS,
        Math.max(0, System.currentTimeMillis() - lastRecordTimestampMs));
    listener.afterCommit(dataset.name(), partition, committed);
    return OptionalLong.of(committed);
  }

  /** The Kafka topic. */
  public String topic() {
    return topic;
  }

  /** The Kafka partition. */
  public int partition() {
    return partition;
  }

  /** The dataset. */
  public LakeDataset<?> dataset() {
    return dataset;
  }

  private Checkpoint checkpoint(long next) {
    List<Checkpoint.DeviceWindow> devices = new ArrayList<>(dedup.devices().size());
    dedup
        .devices()
        .forEach(
            (id, w) ->
                devices.add(new Checkpoint.DeviceWindow(id, w.size(), w.high(), w.encodedBits())));
    return new Checkpoint(
        dataset.name(), topic, partition, next, System.currentTimeMillis(), devices);
  }

  private Map<String, String> footer(List<Object[]> rows, long first, long last) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (Object[] row : rows) {
      long t = (Long) row[LakeDataset.EVENT_TIME];
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    return Map.of(
        "tandem.dataset", dataset.name(),
        "tandem.kafka.topic", topic,
        "tandem.kafka.partition", Integer.toString(partition),
        "tandem.kafka.first-offset", Long.toString(first),
        "tandem.kafka.last-offset", Long.toString(last),
        "tandem.event-time.min-ms", Long.toString(min),
        "tandem.event-time.max-ms", Long.toString(max));
  }

  private static long receivedAt(ConsumerRecord<byte[], byte[]> record) {
    Header header = record.headers().lastHeader(RecordHeaderNames.RECEIVED_AT_MS);
    if (header != null) {
      try {
        return Long.parseLong(new String(header.value(), StandardCharsets.UTF_8));
      } catch (NumberFormatException e) {
        LOG.log(Level.FINE, "unreadable received-at header; using the record timestamp", e);
      }
    }
    return record.timestamp();
  }

  private static void checkKey(ConsumerRecord<byte[], byte[]> record, DecodedMessage message) {
    if (record.key() == null) {
      return;
    }
    String key = new String(record.key(), StandardCharsets.UTF_8);
    if (!key.equals(message.deviceId())) {
      throw new ProtocolException(
          ProtocolErrorCode.DEVICE_ID_MISMATCH,
          "record key '" + key + "' is not header.device_id '" + message.deviceId() + "'");
    }
  }
}
