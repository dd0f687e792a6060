package dev.tandem.ingest.lake;

import static dev.tandem.ingest.lake.LakeTestKit.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.ingest.lake.dataset.LakeDataset;
import dev.tandem.ingest.lake.dataset.LakeDatasets;
import dev.tandem.ingest.lake.dataset.TelemetryRow;
import dev.tandem.ingest.lake.parquet.ParquetTables;
import dev.tandem.ingest.lake.store.LakeFile;
import dev.tandem.ingest.lake.store.LakeStore;
import dev.tandem.ingest.lake.store.LakeStoreException;
import dev.tandem.servers.KafkaEndpoint;
import dev.tandem.servers.S3Clients;
import dev.tandem.servers.S3Endpoint;
import dev.tandem.testkit.WithRealServers;
import io.minio.MinioClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One lake written by a real writer, then opened by an independent Parquet reader (DuckDB) and
 * frozen into snapshot manifests.
 */
@WithRealServers
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LakeFilesTest {
  private static final int DEVICES = 3;
  private static final int PER_DEVICE = 20;
  private static final int READINGS = 4;

  private LakeConfig config;
  private MinioClient minio;
  private LakeReader reader;
  private LakeSnapshots snapshots;

  @BeforeAll
  void writeALake(KafkaEndpoint kafka, S3Endpoint s3) throws Exception {
    config = LakeTestKit.config(kafka);
    LakeTestKit.createTopics(config, 2);
    minio = S3Clients.minio(s3);
    reader = LakeReader.of(config, minio);
    snapshots = new LakeSnapshots(reader);
    try (LakeWriter writer = LakeWriter.start(config, minio);
        KafkaProducer<byte[], byte[]> producer = LakeTestKit.producer(config)) {
      for (int d = 0; d < DEVICES; d++) {
        String device = "dev-" + d;
        for (long seq = 1; seq <= PER_DEVICE; seq++) {
          Instant t = T0.plus(Duration.ofMinutes(5 * seq)); // 21:20 .. 22:55
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
              seq,
              LakeTestKit.event(device, seq, t, 2));
          LakeTestKit.send(
              producer,
              config,
              LakeDatasets.SAMPLES,
              device,
              seq,
              LakeTestKit.samples(device, seq, t, READINGS));
        }
      }
      LakeTestKit.await(
          "the lake",
          60,
          () ->
              reader.read(LakeDatasets.SAMPLES, TimeRange.ALL).size()
                      == DEVICES * PER_DEVICE * READINGS
                  && reader.read(LakeDatasets.TELEMETRY, TimeRange.ALL).size()
                      == DEVICES * PER_DEVICE
                  && reader.read(LakeDatasets.EVENTS, TimeRange.ALL).size()
                      == DEVICES * PER_DEVICE);
    }
  }

  @Test
  void duckDbReadsTheLakeWithHivePartitions(@TempDir Path copy) throws Exception {
    for (LakeDataset<?> dataset : LakeDatasets.all()) {
      for (LakeFile file : reader.files(dataset, TimeRange.ALL)) {
        Path local = copy.resolve(file.name().substring(config.prefix().length()));
        Files.createDirectories(local.getParent());
        Files.write(local, reader.download(file.name()));
      }
    }
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = db.createStatement()) {
      String telemetry = scan(copy, "telemetry");
      try (ResultSet rs =
          sql.executeQuery(
              "select count(*), count(distinct (device_id, sequence)), min(date), max(hour),"
                  + " typeof(min(event_time)), sum(mean)"
                  + " from "
                  + telemetry)) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(DEVICES * PER_DEVICE);
        assertThat(rs.getLong(2)).isEqualTo(DEVICES * PER_DEVICE);
        assertThat(rs.getObject(3, LocalDate.class)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(rs.getLong(4)).isEqualTo(22);
        assertThat(rs.getString(5)).isEqualTo("TIMESTAMP WITH TIME ZONE");
        // mean = seq + 0.5 for seq 1..20 on each device
        assertThat(rs.getDouble(6)).isEqualTo(DEVICES * (210 + PER_DEVICE * 0.5));
      }
      // Rows sit in the hour partition of their event time.
      try (ResultSet rs =
          sql.executeQuery(
              "select count(*) from "
                  + telemetry
                  + " where hour <> hour(event_time at time zone 'UTC')")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
      try (ResultSet rs =
          sql.executeQuery(
              "select count(*), sum(value) from " + scan(copy, "samples") + " where hour = 21")) {
        rs.next();
        List<Double> expected =
            reader
                .read(
                    LakeDatasets.SAMPLES, new TimeRange(T0.minusSeconds(900), T0.plusSeconds(2700)))
                .stream()
                .map(r -> r.value())
                .toList();
        assertThat(rs.getLong(1)).isEqualTo(expected.size()).isEqualTo(DEVICES * 8 * READINGS);
        assertThat(rs.getDouble(2)).isEqualTo(expected.stream().mapToDouble(v -> v).sum());
      }
      try (ResultSet rs =
          sql.executeQuery(
              "select count(*), sum(c.value) from (select unnest(context) as c from "
                  + scan(copy, "events")
                  + ")")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(DEVICES * PER_DEVICE * 2);
        assertThat(rs.getDouble(2)).isEqualTo(DEVICES * PER_DEVICE * (80.0 + 81.0));
      }
    }
  }

  @Test
  void manifestListsEveryCommittedFileWithItsHashAndRows() {
    SnapshotManifest manifest = snapshots.create(LakeDatasets.SAMPLES, TimeRange.ALL);

    List<LakeFile> files = reader.files(LakeDatasets.SAMPLES, TimeRange.ALL);
    assertThat(manifest.files())
        .extracting(SnapshotManifest.File::path)
        .containsExactlyElementsOf(files.stream().map(LakeFile::name).toList());
    for (SnapshotManifest.File file : manifest.files()) {
      byte[] bytes = reader.download(file.path());
      assertThat(file.sha256()).isEqualTo(LakeSnapshots.sha256(bytes));
      assertThat(file.bytes()).isEqualTo(bytes.length);
      assertThat(file.rows()).isEqualTo(ParquetTables.rowCount(bytes));
    }
    assertThat(manifest.rows()).isEqualTo(DEVICES * PER_DEVICE * READINGS);
    assertThat(manifest.minEventTime()).isEqualTo(T0.plus(Duration.ofMinutes(5)).toString());
    assertThat(manifest.maxEventTime()).isEqualTo(T0.plus(Duration.ofMinutes(100)).toString());
    assertThat(snapshots.read(LakeDatasets.SAMPLES, manifest.snapshotId())).contains(manifest);
    assertThat(snapshots.list(LakeDatasets.SAMPLES)).contains(manifest.snapshotId());
    assertThat(reader.read(LakeDatasets.SAMPLES, manifest))
        .hasSize(DEVICES * PER_DEVICE * READINGS);
  }

  @Test
  void snapshotIdFollowsTheContent() {
    SnapshotManifest all = snapshots.create(LakeDatasets.TELEMETRY, TimeRange.ALL);
    SnapshotManifest again = snapshots.create(LakeDatasets.TELEMETRY, TimeRange.ALL);
    TimeRange firstHour = new TimeRange(T0.minusSeconds(900), T0.plusSeconds(2700));
    SnapshotManifest hour = snapshots.create(LakeDatasets.TELEMETRY, firstHour);

    assertThat(again.snapshotId()).isEqualTo(all.snapshotId());
    assertThat(again.createdAt()).isEqualTo(all.createdAt());
    assertThat(hour.snapshotId()).isNotEqualTo(all.snapshotId());
    assertThat(hour.from()).isEqualTo("2026-11-23T21:00:00Z");
    assertThat(hour.to()).isEqualTo("2026-11-23T22:00:00Z");
    assertThat(reader.read(LakeDatasets.TELEMETRY, hour))
        .hasSize(DEVICES * 8)
        .allSatisfy(r -> assertThat(r.eventTime()).isBefore(T0.plusSeconds(2700)));
  }

  @Test
  void readingASnapshotWhoseFileChangedFails() {
    SnapshotManifest manifest = snapshots.create(LakeDatasets.EVENTS, TimeRange.ALL);
    String victim = manifest.files().get(0).path();
    LakeStore store = new LakeStore(minio, config.bucket());
    byte[] original = store.require(victim);
    List<Object[]> rows = ParquetTables.read(LakeDatasets.EVENTS.schema(), original);
    byte[] altered =
        ParquetTables.write(
            LakeDatasets.EVENTS.schema(),
            rows.subList(1, rows.size()),
            config.codec(),
            java.util.Map.of());
    store.put(victim, altered, "application/vnd.apache.parquet");
    try {
      assertThatThrownBy(() -> reader.read(LakeDatasets.EVENTS, manifest))
          .isInstanceOf(LakeStoreException.class)
          .hasMessageContaining(victim)
          .hasMessageContaining("sha256");
      assertThat(snapshots.create(LakeDatasets.EVENTS, TimeRange.ALL).snapshotId())
          .isNotEqualTo(manifest.snapshotId());
    } finally {
      store.put(victim, original, "application/vnd.apache.parquet");
    }
  }

  @Test
  void readerListsFilesAndPartitionsByTimeRange() {
    TimeRange lateHour =
        new TimeRange(Instant.parse("2026-11-23T22:30:00Z"), Instant.parse("2026-11-23T23:00:00Z"));
    assertThat(reader.partitions(LakeDatasets.TELEMETRY, TimeRange.ALL))
        .containsExactly("date=2026-11-23/hour=21", "date=2026-11-23/hour=22");
    assertThat(reader.partitions(LakeDatasets.TELEMETRY, lateHour))
        .containsExactly("date=2026-11-23/hour=22");
    List<TelemetryRow> late = reader.read(LakeDatasets.TELEMETRY, lateHour);
    // 22:30 .. 22:55 in 5-minute steps: sequences 15..20
    assertThat(late)
        .hasSize(DEVICES * 6)
        .allSatisfy(r -> assertThat(r.sequence()).isBetween(15L, 20L));
  }

  private static String scan(Path root, String dataset) {
    return "read_parquet('" + root.resolve(dataset) + "/*/*/*.parquet', hive_partitioning = true)";
  }
}
