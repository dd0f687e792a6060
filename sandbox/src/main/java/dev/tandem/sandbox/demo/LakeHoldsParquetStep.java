package dev.tandem.sandbox.demo;

import dev.tandem.ingest.lake.LakeReader;
import dev.tandem.ingest.lake.TimeRange;
import dev.tandem.ingest.lake.dataset.LakeDatasets;
import dev.tandem.ingest.lake.dataset.TelemetryRow;
import dev.tandem.ingest.lake.store.LakeFile;
import dev.tandem.sandbox.run.IngestSettings;
import dev.tandem.sandbox.run.Sandbox;
import dev.tandem.servers.S3Clients;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The lake writer must turn what the bridge put into Kafka into Parquet files in the object store;
 * the files are read back with the lake reader and must hold the demo fleet's summaries.
 */
final class LakeHoldsParquetStep implements DemoStep {
  static final String COMPONENT = "lake";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Override
  public String name() {
    return "summaries land in the lake as Parquet";
  }

  @Override
  public Optional<String> component() {
    return Optional.of(COMPONENT);
  }

  @Override
  public String run(Sandbox sandbox) throws Exception {
    sandbox.ingest().lake().orElseThrow(() -> new IllegalStateException("no lake writer runs"));
    var reader =
        new LakeReader(S3Clients.minio(sandbox.stack().s3()), IngestSettings.LAKE_BUCKET, "");
    long start = System.nanoTime();
    while (System.nanoTime() - start < TIMEOUT.toNanos()) {
      List<LakeFile> files = reader.files(LakeDatasets.TELEMETRY, TimeRange.ALL);
      if (!files.isEmpty()) {
        List<TelemetryRow> rows = reader.read(LakeDatasets.TELEMETRY, TimeRange.ALL);
        long demoRows =
            rows.stream()
                .filter(r -> r.deviceId().startsWith(FleetReachesKafkaStep.DEVICE_PREFIX))
                .count();
        if (demoRows > 0) {
          return "%d Parquet files in bucket '%s' (first: %s), %d rows from the demo fleet, after %.1f s"
              .formatted(
                  files.size(),
                  reader.bucket(),
                  files.get(0).name(),
                  demoRows,
                  (System.nanoTime() - start) / 1e9);
        }
      }
      Thread.sleep(1_000);
    }
    throw new IllegalStateException(
        "no Parquet file with the demo fleet's summaries after " + TIMEOUT.toSeconds() + " s");
  }
}
