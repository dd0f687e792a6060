package dev.tandem.ingest.lake;

import dev.tandem.ingest.lake.LakeMetrics.Counter;
import dev.tandem.ingest.lake.dataset.LakeDataset;
import dev.tandem.ingest.lake.store.CheckpointStore;
import dev.tandem.ingest.lake.store.LakeStore;
import dev.tandem.ingest.lake.store.LakeStoreException;
import dev.tandem.ingest.lake.write.PartitionWriter;
import io.minio.MinioClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Consumes the fleet streams and keeps the Parquet lake, on a thread of its own. Per Kafka
 * partition: decode, deduplicate, hold, and when a flush is due (rows, bytes or age) store the
 * files, then the checkpoint, then commit the offset to Kafka. The checkpoint in the store is the
 * source of truth; on assignment the writer resumes from it. See docs/lake.md.
 */
public final class LakeWriter implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(LakeWriter.class.getName());
  private static final long RETRY_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final LakeConfig config;
  private final LakeStore store;
  private final CheckpointStore checkpoints;
  private final LakeMetrics metrics = new LakeMetrics();
  private final FlushListener listener;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Map<TopicPartition, PartitionWriter> writers = new ConcurrentHashMap<>();
  private final Map<TopicPartition, Long> retryAt = new ConcurrentHashMap<>();
  // Assigned partitions whose checkpoint could not be read yet: paused, retried every second.
  private final Map<TopicPartition, Long> unrecovered = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean stopping;
  private volatile Throwable failure;

  private LakeWriter(LakeConfig config, MinioClient s3, FlushListener listener) {
    this.config = config;
    this.store = new LakeStore(s3, config.bucket());
    this.checkpoints = new CheckpointStore(store, config.layout());
    this.listener = listener;
    store.ensureBucket();
    this.consumer =
        new KafkaConsumer<>(
            consumerProperties(config), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::run, "tandem-lake-writer");
  }

  /**
   * Starts a writer on its own thread.
   *
   * @param s3 the object store client, e.g. {@code S3Clients.minio(endpoint)}
   * @throws LakeStoreException if the bucket cannot be reached or created
   */
  public static LakeWriter start(LakeConfig config, MinioClient s3) {
    return start(config, s3, FlushListener.NONE);
  }

  /** Starts a writer that reports each flush to {@code listener}. */
  public static LakeWriter start(LakeConfig config, MinioClient s3, FlushListener listener) {
    LakeWriter writer = new LakeWriter(config, s3, listener);
    writer.thread.start();
    LOG.info(
        () ->
            String.format(
                "lake writer started: group %s, bucket %s, prefix '%s', datasets %s",
                config.groupId(), config.bucket(), config.prefix(), config.datasets()));
    return writer;
  }

  /** The writer's counters. */
  public LakeMetrics metrics() {
    return metrics;
  }

  /** The Kafka partitions this writer owns now. */
  public Set<TopicPartition> assignment() {
    return Set.copyOf(writers.keySet());
  }

  /** Why the writer stopped on its own, if it did. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /** Whether the writer thread is running. */
  public boolean isRunning() {
    return thread.isAlive();
  }

  /**
   * Stops the writer: flushes and commits what it holds, leaves the consumer group, and waits for
   * the thread (up to 60 s).
   */
  @Override
  public void close() {
    stopping = true;
    consumer.wakeup();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(60));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warning("lake writer did not stop within 60 s");
    }
  }

  private void run() {
    try {
      List<String> topics = new ArrayList<>();
      for (LakeDataset<?> dataset : config.lakeDatasets()) {
        topics.add(config.topicOf(dataset));
      }
      consumer.subscribe(topics, new Rebalance());
      Duration pollTimeout =
          Duration.ofMillis(Math.max(10, Math.min(200, config.flushMaxAge().toMillis() / 4)));
      try {
        while (!stopping) {
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(pollTimeout)) {
            PartitionWriter writer =
                writers.get(new TopicPartition(record.topic(), record.partition()));
            if (writer != null) {
              writer.add(record);
              if (writer.full()) {
                // Size limits hold inside a poll's batch too, not only between polls.
                flushAndCommit(writer, new TopicPartition(record.topic(), record.partition()));
              }
            }
          }
          flushDue(false);
          retryRecovery();
        }
      } catch (WakeupException e) {
        if (!stopping) {
          throw e;
        }
      }
      flushDue(true);
      LOG.info("lake writer drained; leaving the consumer group");
    } catch (Throwable t) {
      failure = t;
      LOG.log(Level.SEVERE, "lake writer stopped: " + t.getMessage(), t);
    } finally {
      try {
        consumer.close(Duration.ofSeconds(10));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "closing the lake consumer failed", e);
      }
    }
  }

  /** Takes over the partitions whose recovery failed, once their backoff has passed. */
  private void retryRecovery() {
    long now = System.nanoTime();
    for (Map.Entry<TopicPartition, Long> entry : unrecovered.entrySet()) {
      if (now >= entry.getValue() && takeOver(entry.getKey())) {
        unrecovered.remove(entry.getKey());
        resume(entry.getKey());
      }
    }
  }

  /**
   * Recovers a partition from the store and seeks to its checkpoint; if the store fails, pauses it
   * for a retry instead (nothing can be written before the rollback is done).
   */
  private boolean takeOver(TopicPartition tp) {
    LakeDataset<?> dataset =
        config
            .datasetOf(tp.topic())
            .orElseThrow(() -> new IllegalStateException("not a lake topic: " + tp.topic()));
    PartitionWriter writer =
        new PartitionWriter(dataset, tp.partition(), config, store, checkpoints, metrics, listener);
    OptionalLong resume;
    try {
      resume = writer.recover();
    } catch (LakeStoreException e) {
      metrics.add(dataset.name(), Counter.STORE_FAILURES, 1);
      LOG.warning(() -> "lake " + tp + ": recovery failed, retrying in 1 s: " + e.getMessage());
      unrecovered.put(tp, System.nanoTime() + RETRY_BACKOFF_NANOS);
      pause(tp);
      return false;
    }
    if (resume.isPresent()) {
      consumer.seek(tp, resume.getAsLong());
    } else {
      consumer.seekToBeginning(List.of(tp));
    }
    writers.put(tp, writer);
    return true;
  }

  /** Flushes the partitions that are due (all with records, when draining). */
  private void flushDue(boolean draining) {
    long now = System.nanoTime();
    for (PartitionWriter writer : writers.values()) {
      TopicPartition tp = new TopicPartition(writer.topic(), writer.partition());
      Long retry = retryAt.get(tp);
      boolean due = draining ? writer.hasUncommitted() : writer.due(now);
      if (!due || (!draining && retry != null && now < retry)) {
        continue;
      }
      flushAndCommit(writer, tp);
    }
  }

  private void flushAndCommit(PartitionWriter writer, TopicPartition tp) {
    OptionalLong committed;
    try {
      committed = writer.flush();
    } catch (LakeStoreException e) {
      // Nothing is lost: the rows stay held, the partition pauses until the store answers.
      metrics.add(writer.dataset().name(), Counter.STORE_FAILURES, 1);
      LOG.warning(() -> "lake " + tp + ": flush failed, retrying in 1 s: " + e.getMessage());
      retryAt.put(tp, System.nanoTime() + RETRY_BACKOFF_NANOS);
      pause(tp);
      return;
    }
    if (retryAt.remove(tp) != null) {
      resume(tp);
    }
    if (committed.isPresent()) {
      commitToKafka(tp, committed.getAsLong());
    }
  }

  private void commitToKafka(TopicPartition tp, long offset) {
    try {
      consumer.commitSync(Map.of(tp, new OffsetAndMetadata(offset)));
    } catch (WakeupException e) {
      throw e;
    } catch (KafkaException e) {
      // The store's checkpoint already holds the offset; Kafka's copy only saves a look-up.
      LOG.log(Level.FINE, "kafka commit of " + tp + " at " + offset + " failed", e);
    }
  }

  private void pause(TopicPartition tp) {
    if (consumer.assignment().contains(tp)) {
      consumer.pause(List.of(tp));
    }
  }

  private void resume(TopicPartition tp) {
    if (consumer.assignment().contains(tp)) {
      consumer.resume(List.of(tp));
    }
  }

  private static Properties consumerProperties(LakeConfig config) {
    Properties p = new Properties();
    p.putAll(config.kafkaProperties());
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "tandem-lake-writer");
    return p;
  }

  /** Hands partitions over: flush and commit on revoke, recover from the store on assign. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      for (TopicPartition tp : partitions) {
        PartitionWriter writer = writers.get(tp);
        if (writer != null && writer.hasUncommitted()) {
          try {
            flushAndCommit(writer, tp);
          } catch (RuntimeException e) {
            LOG.log(
                Level.WARNING,
                "lake " + tp + ": flush on revoke failed; the next owner rereads",
                e);
          }
        }
        writers.remove(tp);
        retryAt.remove(tp);
        unrecovered.remove(tp);
      }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      // Another member owns them already: drop what is held, it was never committed.
      for (TopicPartition tp : partitions) {
        writers.remove(tp);
        retryAt.remove(tp);
        unrecovered.remove(tp);
      }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      for (TopicPartition tp : partitions) {
        takeOver(tp);
      }
    }
  }
}
