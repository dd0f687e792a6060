package dev.tandem.ingest.lake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ingest.lake.dataset.LakeDataset;
import dev.tandem.ingest.lake.dataset.LakeDatasets;
import dev.tandem.protocol.message.Headers;
import dev.tandem.protocol.stream.RecordHeaderNames;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.v1.Event;
import dev.tandem.protocol.v1.EventKind;
import dev.tandem.protocol.v1.RawSampleBatch;
import dev.tandem.protocol.v1.Reading;
import dev.tandem.protocol.v1.SampleReason;
import dev.tandem.protocol.v1.Severity;
import dev.tandem.protocol.v1.WindowSummary;
import dev.tandem.servers.KafkaEndpoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Builds fleet messages, topics and configurations for the lake tests. */
final class LakeTestKit {
  static final String BUCKET = "tandem-lake-test";
  static final Instant T0 = Instant.parse("2026-11-23T21:15:00Z");

  private LakeTestKit() {}

  /**
   * A configuration of its own: unique group, topic prefix and object prefix, so tests sharing the
   * servers never see each other's records; files closed after 300 ms.
   */
  static LakeConfig config(KafkaEndpoint kafka) {
    String id = UUID.randomUUID().toString().substring(0, 8);
    return LakeConfig.defaults(kafka.bootstrapServers(), BUCKET)
        .withNames("lake-" + id, "t" + id + ".", "run-" + id + "/")
        .withFlush(100_000, 64L * 1024 * 1024, Duration.ofMillis(300))
        .withKafkaProperties(Map.of("session.timeout.ms", "10000"));
  }

  /** Creates the topics of every dataset of {@code config}. */
  static void createTopics(LakeConfig config, int partitions) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", config.bootstrapServers()))) {
      List<NewTopic> topics = new ArrayList<>();
      for (LakeDataset<?> dataset : config.lakeDatasets()) {
        topics.add(new NewTopic(config.topicOf(dataset), partitions, (short) 1));
      }
      admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
    }
  }

  static KafkaProducer<byte[], byte[]> producer(LakeConfig config) {
    Properties p = new Properties();
    p.put("bootstrap.servers", config.bootstrapServers());
    p.put("acks", "all");
    p.put("linger.ms", "0");
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Sends {@code value} as the bridge does: keyed by device id, with the stream headers. */
  static void send(
      KafkaProducer<byte[], byte[]> producer,
      LakeConfig config,
      LakeDataset<?> dataset,
      String deviceId,
      long sequence,
      byte[] value)
      throws Exception {
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(
            config.topicOf(dataset), deviceId.getBytes(StandardCharsets.UTF_8), value);
    header(record, RecordHeaderNames.DEVICE_ID, deviceId);
    header(record, RecordHeaderNames.SEQUENCE, Long.toString(sequence));
    header(record, RecordHeaderNames.SCHEMA_VERSION, "1");
    header(record, RecordHeaderNames.MQTT_TOPIC, "fleet/" + deviceId + "/" + dataset.name());
    header(record, RecordHeaderNames.RECEIVED_AT_MS, Long.toString(System.currentTimeMillis()));
    producer.send(record).get(30, TimeUnit.SECONDS);
  }

  /** Sends window summaries of {@code device}, sequences {@code from..to}, a second apart. */
  static void sendSummaries(
      KafkaProducer<byte[], byte[]> producer, LakeConfig config, long from, long to)
      throws Exception {
    for (long seq = from; seq <= to; seq++) {
      send(
          producer,
          config,
          LakeDatasets.TELEMETRY,
          "dev-1",
          seq,
          summary("dev-1", seq, T0.plusSeconds(seq)));
    }
  }

  private static void header(ProducerRecord<byte[], byte[]> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] summary(String device, long sequence, Instant time) {
    return WindowSummary.newBuilder()
        .setHeader(Headers.create(DeviceId.of(device), sequence, time))
        .setStreamId("temp")
        .setWindowStartMs(time.toEpochMilli() - 10_000)
        .setWindowEndMs(time.toEpochMilli())
        .setCount(10)
        .setMean(sequence + 0.5)
        .setMin(sequence)
        .setMax(sequence + 1)
        .setStddev(0.25)
        .setP50(sequence + 0.5)
        .setP95(sequence + 0.9)
        .setP99(sequence + 0.99)
        .build()
        .toByteArray();
  }

  static byte[] event(String device, long sequence, Instant time, int contextReadings) {
    Event.Builder event =
        Event.newBuilder()
            .setHeader(Headers.create(DeviceId.of(device), sequence, time))
            .setKind(EventKind.EVENT_KIND_THRESHOLD)
            .setSeverity(Severity.SEVERITY_WARNING)
            .setStreamId("temp")
            .setDetector("threshold")
            .setScore(sequence * 1.5)
            .setMessage("temp above 80 at seq " + sequence)
            .setOccurredAtMs(time.toEpochMilli() - 5);
    for (int i = 0; i < contextReadings; i++) {
      event.addContext(
          Reading.newBuilder().setTimestampMs(time.toEpochMilli() - 100 + i).setValue(80.0 + i));
    }
    return event.build().toByteArray();
  }

  static byte[] samples(String device, long sequence, Instant time, int readings) {
    RawSampleBatch.Builder batch =
        RawSampleBatch.newBuilder()
            .setHeader(Headers.create(DeviceId.of(device), sequence, time))
            .setStreamId("vibration")
            .setReason(SampleReason.SAMPLE_REASON_RANDOM);
    for (int i = 0; i < readings; i++) {
      batch.addReadings(
          Reading.newBuilder()
              .setTimestampMs(time.toEpochMilli() + i)
              .setValue(sequence * 100 + i));
    }
    return batch.build().toByteArray();
  }

  /** Waits up to {@code seconds} for {@code condition}, failing with {@code what}. */
  static void await(String what, int seconds, BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("timed out waiting for " + what).isLessThan(deadline);
      Thread.sleep(200);
    }
  }
}
