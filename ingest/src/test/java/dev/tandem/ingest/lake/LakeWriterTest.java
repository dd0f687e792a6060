package dev.tandem.ingest.lake;

import static dev.tandem.ingest.lake.LakeTestKit.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ingest.lake.LakeMetrics.Counter;
import dev.tandem.ingest.lake.dataset.EventRow;
import dev.tandem.ingest.lake.dataset.LakeDatasets;
import dev.tandem.ingest.lake.dataset.SampleRow;
import dev.tandem.ingest.lake.dataset.TelemetryRow;
import dev.tandem.ingest.lake.store.LakeFile;
import dev.tandem.servers.KafkaEndpoint;
import dev.tandem.servers.S3Clients;
import dev.tandem.servers.S3Endpoint;
import dev.tandem.testkit.WithRealServers;
import io.minio.MinioClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

@WithRealServers
class LakeWriterTest {

  @Test
  void writesEveryDatasetAndReadsItBackPartitionedByEventHour(KafkaEndpoint kafka, S3Endpoint s3)
      throws Exception {
    LakeConfig config = LakeTestKit.config(kafka);
    LakeTestKit.createTopics(config, 2);
    MinioClient minio = S3Clients.minio(s3);
    Instant nextHour = T0.plus(Duration.ofHours(1));
    try (LakeWriter writer = LakeWriter.start(config, minio);
        KafkaProducer<byte[], byte[]> producer = LakeTestKit.producer(config)) {
      for (String device : List.of("dev-a", "dev-b", "dev-c")) {
        for (long seq = 1; seq <= 10; seq++) {
          Instant t = seq <= 5 ? T0.plusSeconds(seq) : nextHour.plusSeconds(seq);
          LakeTestKit.send(
              producer,
              config,
              LakeDatasets.TELEMETRY,
              device,
              seq,
              LakeTestKit.summary(device, seq, t));
          LakeTestKit.send(
              producer,
              config,
              LakeDatasets.EVENTS,
              device,
              100 + seq,
              LakeTestKit.event(device, 100 + seq, t, (int) seq % 4));
          LakeTestKit.send(
              producer,
              config,
              LakeDatasets.SAMPLES,
              device,
              200 + seq,
              LakeTestKit.samples(device, 200 + seq, t, 3));
        }
      }
      LakeReader reader = LakeReader.of(config, minio);
      LakeTestKit.await(
          "all rows committed",
          30,
          () ->
              reader.read(LakeDatasets.TELEMETRY, TimeRange.ALL).size() == 30
                  && reader.read(LakeDatasets.EVENTS, TimeRange.ALL).size() == 30
                  && reader.read(LakeDatasets.SAMPLES, TimeRange.ALL).size() == 90);

      List<TelemetryRow> telemetry = reader.read(LakeDatasets.TELEMETRY, TimeRange.ALL);
      TelemetryRow first =
          telemetry.stream()
              .filter(r -> r.deviceId().equals("dev-b") && r.sequence() == 3)
              .findFirst()
              .orElseThrow();
      assertThat(first.eventTime()).isEqualTo(T0.plusSeconds(3));
      assertThat(first.windowEnd()).isEqualTo(T0.plusSeconds(3));
      assertThat(first.mean()).isEqualTo(3.5);
      assertThat(first.streamId()).isEqualTo("temp");
      assertThat(first.schemaVersion()).isEqualTo(1);
      assertThat(first.receivedAt()).isAfter(Instant.now().minusSeconds(120));

      EventRow event =
          reader.read(LakeDatasets.EVENTS, TimeRange.ALL).stream()
              .filter(r -> r.deviceId().equals("dev-a") && r.sequence() == 107)
              .findFirst()
              .orElseThrow();
      assertThat(event.kind()).isEqualTo("EVENT_KIND_THRESHOLD");
      assertThat(event.severity()).isEqualTo("SEVERITY_WARNING");
      assertThat(event.context()).hasSize(3);
      assertThat(event.context().get(2).value()).isEqualTo(82.0);

      List<SampleRow> samples = reader.read(LakeDatasets.SAMPLES, TimeRange.ALL);
      assertThat(
              samples.stream()
                  .filter(r -> r.deviceId().equals("dev-c") && r.sequence() == 204)
                  .sorted(Comparator.comparingInt(SampleRow::readingIndex))
                  .map(SampleRow::value))
          .containsExactly(20400.0, 20401.0, 20402.0);

      // Partitioned by event hour: two hours, each file holding only its own hour.
      String hour1 = "date=2026-11-23/hour=21";
      String hour2 = "date=2026-11-23/hour=22";
      assertThat(reader.partitions(LakeDatasets.TELEMETRY, TimeRange.ALL))
          .containsExactly(hour1, hour2);
      assertThat(reader.read(LakeDatasets.TELEMETRY, new TimeRange(T0, nextHour)))
          .hasSize(15)
          .allSatisfy(r -> assertThat(r.sequence()).isLessThanOrEqualTo(5));
      for (LakeFile file : reader.files(LakeDatasets.TELEMETRY, TimeRange.ALL)) {
        assertThat(file.name())
            .startsWith(config.prefix() + "telemetry/" + (file.hour() == 21 ? hour1 : hour2));
      }
      assertThat(writer.metrics().get("telemetry", Counter.RECORDS_READ)).isEqualTo(30);
      assertThat(writer.metrics().get("samples", Counter.ROWS_WRITTEN)).isEqualTo(90);
      assertThat(writer.metrics().prometheusText())
          .contains("tandem_lake_rows_written_total{dataset=\"samples\"} 90");
    }
  }

  @Test
  void redeliveredDuplicatesAreWrittenOnceAlsoAcrossARestart(KafkaEndpoint kafka, S3Endpoint s3)
      throws Exception {
    LakeConfig config = LakeTestKit.config(kafka);
    LakeTestKit.createTopics(config, 1);
    MinioClient minio = S3Clients.minio(s3);
    LakeReader reader = LakeReader.of(config, minio);
    try (KafkaProducer<byte[], byte[]> producer = LakeTestKit.producer(config)) {
      try (LakeWriter writer = LakeWriter.start(config, minio)) {
        LakeTestKit.sendSummaries(producer, config, 1, 50);
        LakeTestKit.await("50 rows", 30, () -> telemetry(reader).size() == 50);
        // The bridge redelivers 10..20 at later offsets, after those rows were committed.
        LakeTestKit.sendSummaries(producer, config, 10, 20);
        LakeTestKit.sendSummaries(producer, config, 51, 55);
        LakeTestKit.await("55 rows", 30, () -> telemetry(reader).size() == 55);
        LakeTestKit.await(
            "duplicates counted",
            30,
            () -> writer.metrics().get("telemetry", Counter.DUPLICATES) == 11);
      }
      // While no writer runs: more redeliveries, then new messages; a new writer picks up.
      LakeTestKit.sendSummaries(producer, config, 40, 55);
      LakeTestKit.sendSummaries(producer, config, 56, 60);
      try (LakeWriter writer = LakeWriter.start(config, minio)) {
        LakeTestKit.await("60 rows", 30, () -> telemetry(reader).size() == 60);
        LakeTestKit.await(
            "restart duplicates counted",
            30,
            () -> writer.metrics().get("telemetry", Counter.DUPLICATES) == 16);
      }
    }
    List<Long> sequences =
        telemetry(reader).stream()
            .map(TelemetryRow::sequence)
            .sorted()
            .collect(Collectors.toList());
    assertThat(sequences).hasSize(60).doesNotHaveDuplicates().startsWith(1L).endsWith(60L);
  }

  @Test
  void undecodableRecordsAreSkippedCountedAndDoNotBlockThePartition(
      KafkaEndpoint kafka, S3Endpoint s3) throws Exception {
    LakeConfig config = LakeTestKit.config(kafka);
    LakeTestKit.createTopics(config, 1);
    MinioClient minio = S3Clients.minio(s3);
    LakeReader reader = LakeReader.of(config, minio);
    try (LakeWriter writer = LakeWriter.start(config, minio);
        KafkaProducer<byte[], byte[]> producer = LakeTestKit.producer(config)) {
      LakeTestKit.sendSummaries(producer, config, 1, 3);
      LakeTestKit.send(producer, config, LakeDatasets.TELEMETRY, "dev-1", 4, new byte[] {1, 2, 3});
      LakeTestKit.send(producer, config, LakeDatasets.TELEMETRY, "dev-1", 5, new byte[0]);
      // A valid message under another device's key: one device must not write as another.
      LakeTestKit.send(
          producer,
          config,
          LakeDatasets.TELEMETRY,
          "dev-1",
          6,
          LakeTestKit.summary("dev-2", 6, T0));
      LakeTestKit.sendSummaries(producer, config, 7, 9);
      LakeTestKit.await(
          "6 rows and 3 skipped",
          30,
          () ->
              telemetry(reader).size() == 6
                  && writer.metrics().get("telemetry", Counter.UNDECODABLE) == 3);
      assertThat(telemetry(reader).stream().map(TelemetryRow::sequence))
          .containsExactlyInAnyOrder(1L, 2L, 3L, 7L, 8L, 9L);
      assertThat(writer.failure()).isEmpty();
      assertThat(writer.isRunning()).isTrue();
    }
  }

  @Test
  void filesCloseBySizeAndWhatIsHeldIsFlushedOnClose(KafkaEndpoint kafka, S3Endpoint s3)
      throws Exception {
    LakeConfig config =
        LakeTestKit.config(kafka).withFlush(10, 64L * 1024 * 1024, Duration.ofHours(1));
    LakeTestKit.createTopics(config, 1);
    MinioClient minio = S3Clients.minio(s3);
    LakeReader reader = LakeReader.of(config, minio);
    try (KafkaProducer<byte[], byte[]> producer = LakeTestKit.producer(config)) {
      LakeWriter writer = LakeWriter.start(config, minio);
      try {
        LakeTestKit.sendSummaries(producer, config, 1, 25);
        LakeTestKit.await("two full files", 30, () -> telemetry(reader).size() >= 20);
        assertThat(reader.files(LakeDatasets.TELEMETRY, TimeRange.ALL)).hasSize(2);
        Thread.sleep(500);
        assertThat(telemetry(reader)).as("the last 5 rows wait for age or close").hasSize(20);
      } finally {
        writer.close();
      }
      assertThat(writer.isRunning()).isFalse();
      assertThat(telemetry(reader)).hasSize(25);
      assertThat(reader.files(LakeDatasets.TELEMETRY, TimeRange.ALL)).hasSize(3);
    }
  }

  private static List<TelemetryRow> telemetry(LakeReader reader) {
    return reader.read(LakeDatasets.TELEMETRY, TimeRange.ALL);
  }
}
