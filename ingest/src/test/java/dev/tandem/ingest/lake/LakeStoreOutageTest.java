package dev.tandem.ingest.lake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ingest.lake.LakeMetrics.Counter;
import dev.tandem.ingest.lake.dataset.LakeDatasets;
import dev.tandem.ingest.lake.dataset.TelemetryRow;
import dev.tandem.ingest.lake.store.LakeFile;
import dev.tandem.ingest.lake.store.LakeStore;
import dev.tandem.ingest.lake.store.StoredObject;
import dev.tandem.servers.KafkaEndpoint;
import dev.tandem.servers.S3Clients;
import dev.tandem.servers.S3Endpoint;
import dev.tandem.testkit.TcpProxy;
import dev.tandem.testkit.WithRealServers;
import io.minio.MinioClient;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/** The object store goes away (a cut TCP link) while the writer runs, then comes back. */
@WithRealServers
class LakeStoreOutageTest {

  @Test
  void flushesWaitForTheStoreAndLoseOrRepeatNothing(KafkaEndpoint kafka, S3Endpoint s3)
      throws Exception {
    LakeConfig config = LakeTestKit.config(kafka);
    LakeTestKit.createTopics(config, 1);
    MinioClient direct = S3Clients.minio(s3);
    LakeReader reader = LakeReader.of(config, direct);
    try (TcpProxy link = TcpProxy.cutTo(s3.url().getHost(), s3.url().getPort());
        KafkaProducer<byte[], byte[]> producer = LakeTestKit.producer(config)) {
      link.restore();
      try (LakeWriter writer = LakeWriter.start(config, S3Clients.minio(through(link, s3)))) {
        LakeTestKit.sendSummaries(producer, config, 1, 10);
        LakeTestKit.await("10 rows", 30, () -> telemetry(reader).size() == 10);

        link.cut();
        LakeTestKit.sendSummaries(producer, config, 11, 20);
        LakeTestKit.await(
            "failed flushes",
            30,
            () -> writer.metrics().get("telemetry", Counter.STORE_FAILURES) >= 2);
        assertThat(telemetry(reader)).hasSize(10);

        link.restore();
        LakeTestKit.sendSummaries(producer, config, 21, 25);
        LakeTestKit.await("25 rows", 30, () -> telemetry(reader).size() >= 25);
        assertThat(writer.failure()).isEmpty();
      }
    }
    assertThat(telemetry(reader).stream().map(TelemetryRow::sequence).sorted())
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 25).boxed().toList());
    List<String> stored =
        new LakeStore(direct, config.bucket())
            .list(config.prefix() + "telemetry/").stream()
                .map(StoredObject::name)
                .collect(Collectors.toList());
    assertThat(stored)
        .isEqualTo(
            reader.files(LakeDatasets.TELEMETRY, TimeRange.ALL).stream()
                .map(LakeFile::name)
                .toList());
  }

  @Test
  void takingOverAPartitionWaitsForTheStore(KafkaEndpoint kafka, S3Endpoint s3) throws Exception {
    LakeConfig config = LakeTestKit.config(kafka);
    LakeTestKit.createTopics(config, 1);
    LakeReader reader = LakeReader.of(config, S3Clients.minio(s3));
    try (TcpProxy link = TcpProxy.cutTo(s3.url().getHost(), s3.url().getPort());
        KafkaProducer<byte[], byte[]> producer = LakeTestKit.producer(config)) {
      LakeTestKit.sendSummaries(producer, config, 1, 10);
      link.restore();
      try (LakeWriter writer = LakeWriter.start(config, S3Clients.minio(through(link, s3)))) {
        link.cut(); // before the group assigns the partition: its checkpoint cannot be read
        LakeTestKit.await(
            "a failed takeover",
            30,
            () -> writer.metrics().get("telemetry", Counter.STORE_FAILURES) >= 1);
        assertThat(writer.isRunning()).isTrue();
        assertThat(writer.assignment()).as("partition held back until recovered").isEmpty();
        assertThat(telemetry(reader)).isEmpty();

        link.restore();
        LakeTestKit.sendSummaries(producer, config, 11, 15);
        LakeTestKit.await("15 rows", 30, () -> telemetry(reader).size() >= 15);
        assertThat(writer.failure()).isEmpty();
      }
    }
    assertThat(telemetry(reader).stream().map(TelemetryRow::sequence).sorted())
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 15).boxed().toList());
  }

  private static S3Endpoint through(TcpProxy link, S3Endpoint s3) {
    return new S3Endpoint(
        URI.create("http://127.0.0.1:" + link.port()), s3.accessKey(), s3.secretKey(), s3.region());
  }

  private static List<TelemetryRow> telemetry(LakeReader reader) {
    return reader.read(LakeDatasets.TELEMETRY, TimeRange.ALL);
  }
}
