package dev.tandem.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.edgemodel.Activation;
import dev.tandem.ingest.lake.LakeConfig;
import dev.tandem.ingest.lake.LakeReader;
import dev.tandem.ingest.lake.LakeSnapshots;
import dev.tandem.ingest.lake.LakeWriter;
import dev.tandem.ingest.lake.TimeRange;
import dev.tandem.ingest.lake.dataset.LakeDataset;
import dev.tandem.ingest.lake.dataset.LakeDatasets;
import dev.tandem.protocol.message.Headers;
import dev.tandem.protocol.stream.RecordHeaderNames;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.v1.WindowSummary;
import dev.tandem.servers.KafkaEndpoint;
import dev.tandem.servers.S3Clients;
import dev.tandem.servers.S3Endpoint;
import dev.tandem.testkit.WithRealServers;
import dev.tandem.trainer.TrainerError;
import dev.tandem.trainer.TrainerException;
import dev.tandem.trainer.job.DataSpec;
import dev.tandem.trainer.job.JobConfig;
import dev.tandem.trainer.job.JobResult;
import dev.tandem.trainer.job.TrainingJob;
import dev.tandem.trainer.model.Architecture;
import dev.tandem.trainer.model.CancellationFlag;
import dev.tandem.trainer.model.Task;
import dev.tandem.trainer.model.TrainOptions;
import dev.tandem.trainer.optimize.OptimizationPlan;
import io.minio.MinioClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Window summaries go through Kafka and the real lake writer into S3; the trainer reads them. */
@WithRealServers
class LakeForecastSourceTest {
  static final Instant T0 = Instant.parse("2026-11-23T21:00:00Z");
  static final int PER_DEVICE = 60;
  static LakeReader reader;
  static S3Endpoint store;
  static String prefix;

  @BeforeAll
  static void fillTheLake(KafkaEndpoint kafka, S3Endpoint s3) throws Exception {
    store = s3;
    String id = UUID.randomUUID().toString().substring(0, 8);
    prefix = "trainer-" + id + "/";
    LakeConfig config =
        LakeConfig.defaults(kafka.bootstrapServers(), "tandem-trainer-test")
            .withNames("lake-" + id, "t" + id + ".", prefix)
            .withFlush(100_000, 64L * 1024 * 1024, Duration.ofMillis(300));
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      List<NewTopic> topics = new ArrayList<>();
      for (LakeDataset<?> d : config.lakeDatasets()) {
        topics.add(new NewTopic(config.topicOf(d), 1, (short) 1));
      }
      admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
    }
    MinioClient minio = S3Clients.minio(s3);
    reader = new LakeReader(minio, config.bucket(), config.prefix());
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka.bootstrapServers());
    p.put("acks", "all");
    long sequence = 0;
    try (LakeWriter writer = LakeWriter.start(config, minio);
        KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      // dev-a and dev-b send "power" (values 1000+i and 2000+i); dev-c sends another stream,
      // other-1 the same stream but is not selected.
      for (int i = 0; i < PER_DEVICE; i++) {
        for (String[] d :
            new String[][] {
              {"dev-a", "power", "1000"}, {"dev-b", "power", "2000"},
              {"dev-c", "temp", "3000"}, {"other-1", "power", "4000"}
            }) {
          send(
              producer,
              config,
              d[0],
              ++sequence,
              d[1],
              Double.parseDouble(d[2]) + i,
              T0.plusSeconds(10L * i));
        }
      }
      producer.flush();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (reader.read(LakeDatasets.TELEMETRY, TimeRange.ALL).size() < 4 * PER_DEVICE) {
        assertThat(System.nanoTime()).as("lake rows in time").isLessThan(deadline);
        Thread.sleep(200);
      }
    }
  }

  static void send(
      KafkaProducer<byte[], byte[]> producer,
      LakeConfig config,
      String device,
      long sequence,
      String stream,
      double mean,
      Instant time)
      throws Exception {
    byte[] value =
        WindowSummary.newBuilder()
            .setHeader(Headers.create(DeviceId.of(device), sequence, time))
            .setStreamId(stream)
            .setWindowStartMs(time.toEpochMilli() - 10_000)
            .setWindowEndMs(time.toEpochMilli())
            .setCount(10)
            .setMean(mean)
            .setMin(mean - 1)
            .setMax(mean + 1)
            .build()
            .toByteArray();
    ProducerRecord<byte[], byte[]> r =
        new ProducerRecord<>(
            config.topicOf(LakeDatasets.TELEMETRY), device.getBytes(StandardCharsets.UTF_8), value);
    r.headers().add(RecordHeaderNames.DEVICE_ID, device.getBytes(StandardCharsets.UTF_8));
    r.headers()
        .add(RecordHeaderNames.SEQUENCE, Long.toString(sequence).getBytes(StandardCharsets.UTF_8));
    r.headers().add(RecordHeaderNames.SCHEMA_VERSION, "1".getBytes(StandardCharsets.UTF_8));
    producer.send(r).get(30, TimeUnit.SECONDS);
  }

  @Test
  void windowsOfTheSelectedDevicesAndStream_neverMixingSeries_withTheSnapshotAsLineage() {
    LakeForecastSource.Loaded loaded =
        new LakeForecastSource(reader)
            .load(
                new LakeForecastSource.Query(
                    TimeRange.ALL, new DeviceSelector(List.of("dev-*")), "power", "mean", 8));
    Examples e = loaded.examples();
    assertThat(loaded.series()).isEqualTo(2);
    assertThat(e.size()).isEqualTo(2 * (PER_DEVICE - 8));
    for (int n = 0; n < e.size(); n++) {
      float first = e.x()[n * 8];
      for (int i = 1; i < 8; i++) {
        assertThat(e.x()[n * 8 + i]).isEqualTo(first + i);
      }
      assertThat(e.y()[n]).isEqualTo(first + 8);
      assertThat(first).isLessThan(3000);
    }
    DatasetLineage lineage = loaded.lineage();
    assertThat(lineage.manifest())
        .isEqualTo(
            "s3://tandem-trainer-test/"
                + prefix
                + "_manifests/telemetry/"
                + lineage.snapshotId()
                + ".json");
    assertThat(lineage.sha256())
        .isEqualTo(
            LakeSnapshots.sha256(
                reader.download(
                    prefix + "_manifests/telemetry/" + lineage.snapshotId() + ".json")));
    assertThat(lineage.rows()).isEqualTo(4 * PER_DEVICE);
  }

  @Test
  void noMatchingStream_isBadData() {
    assertThatThrownBy(
            () ->
                new LakeForecastSource(reader)
                    .load(
                        new LakeForecastSource.Query(
                            TimeRange.ALL, DeviceSelector.all(), "humidity", "mean", 8)))
        .isInstanceOfSatisfying(
            TrainerException.class, x -> assertThat(x.error()).isEqualTo(TrainerError.BAD_DATA))
        .hasMessageContaining("humidity");
  }

  @Test
  void aJobTrainsOnTheLake_andCitesItsSnapshot() {
    DataSpec.Lake data =
        new DataSpec.Lake(
            store.url(),
            store.accessKey(),
            store.secretKey(),
            store.region(),
            "tandem-trainer-test",
            prefix,
            TimeRange.ALL,
            new DeviceSelector(List.of("dev-*")),
            "power",
            "mean",
            8,
            new TimeSplit(0.15, 0.15));
    JobConfig job =
        new JobConfig(
            "power",
            "1.0.0",
            null,
            "test",
            data,
            new Architecture(8, List.of(16), 1, Activation.RELU, Task.FORECAST),
            TrainOptions.of(1, 3, 16, 0.01f),
            new OptimizationPlan(
                new Architecture(8, List.of(4), 1, Activation.RELU, Task.FORECAST),
                0.3f,
                1f,
                0.5,
                1,
                1000),
            null,
            null);
    JobResult r = new TrainingJob(job, l -> {}, new CancellationFlag()).run();
    assertThat(r.dataset().snapshotId()).isNotBlank();
    assertThat(r.trainExamples() + r.validationExamples() + r.testExamples())
        .isEqualTo(2 * (PER_DEVICE - 8));
    assertThat(r.lineage()).containsKey("dataset");
    assertThat(r.variants()).hasSize(4);
  }
}
