package dev.tandem.sandbox.nab.platform;

import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.message.MessageCodec;
import dev.tandem.protocol.stream.FleetStream;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.v1.RawSampleBatch;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The cloud-side loop worker: one Kafka consumer on {@code tandem.samples.v1} (what the ingest
 * bridge wrote from the devices' {@code samples} topics) hands each device's batches to its {@link
 * StreamWorker}; trainings and their REST calls run on a small pool so that one stream's rollout
 * never holds up another's rows.
 */
final class LoopWorker implements AutoCloseable {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Map<String, StreamWorker> streams = new ConcurrentHashMap<>();
  private final ExecutorService trainers;
  private final Thread thread;
  private final AtomicLong rejected = new AtomicLong();
  private volatile boolean running = true;

  private LoopWorker(String bootstrapServers, int trainingThreads) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "tandem.nab-loop-worker");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 600_000);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    this.consumer = new KafkaConsumer<>(p);
    this.trainers =
        Executors.newFixedThreadPool(
            trainingThreads,
            r -> {
              Thread t = new Thread(r, "nab-loop-training");
              t.setDaemon(true);
              return t;
            });
    this.thread = new Thread(this::consume, "nab-loop-worker");
  }

  /** Subscribes and starts consuming. */
  static LoopWorker start(String bootstrapServers, int trainingThreads) {
    LoopWorker worker = new LoopWorker(bootstrapServers, trainingThreads);
    worker.consumer.subscribe(List.of(FleetStream.SAMPLES.kafkaTopic()));
    worker.thread.start();
    return worker;
  }

  /** The executor trainings run on. */
  ExecutorService trainers() {
    return trainers;
  }

  /** Routes {@code deviceId}'s batches to {@code stream} from now on. */
  void add(String deviceId, StreamWorker stream) {
    streams.put(deviceId, stream);
  }

  /** Records that were not a valid batch of a known device. */
  long rejected() {
    return rejected.get();
  }

  private void consume() {
    try {
      while (running) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          handle(record);
        }
      }
    } catch (WakeupException e) {
      // close() asked us to stop
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void handle(ConsumerRecord<byte[], byte[]> record) {
    if (record.key() == null) {
      rejected.incrementAndGet();
      return;
    }
    String device = new String(record.key(), StandardCharsets.UTF_8);
    StreamWorker stream = streams.get(device);
    if (stream == null) {
      rejected.incrementAndGet();
      return;
    }
    RawSampleBatch batch;
    try {
      batch = MessageCodec.RAW_SAMPLES.decode(record.value(), DeviceId.of(device));
    } catch (ProtocolException e) {
      rejected.incrementAndGet();
      return;
    }
    stream.onBatch(batch.getHeader().getSequence(), batch.getReadingsList());
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    trainers.shutdownNow();
  }
}
