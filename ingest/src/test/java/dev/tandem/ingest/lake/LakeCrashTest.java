package dev.tandem.ingest.lake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ingest.lake.dataset.LakeDatasets;
import dev.tandem.ingest.lake.dataset.TelemetryRow;
import dev.tandem.ingest.lake.store.LakeStore;
import dev.tandem.ingest.lake.store.StoredObject;
import dev.tandem.servers.KafkaEndpoint;
import dev.tandem.servers.S3Clients;
import dev.tandem.servers.S3Endpoint;
import dev.tandem.testkit.WithRealServers;
import io.minio.MinioClient;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writer process with SIGKILL between storing a flush's files and committing them, then
 * lets a new writer take over: no row lost, none written twice.
 */
@WithRealServers
class LakeCrashTest {
  @TempDir Path temp;

  @Test
  void killBetweenUploadAndCommitLosesAndDuplicatesNothing(KafkaEndpoint kafka, S3Endpoint s3)
      throws Exception {
    String id = UUID.randomUUID().toString().substring(0, 8);
    String group = "crash-" + id;
    String topicPrefix = "c" + id + ".";
    String prefix = "crash-" + id + "/";
    String instance = "lake-" + id;
    LakeConfig config =
        CrashingLakeWriter.config(kafka.bootstrapServers(), group, topicPrefix, prefix, instance);
    LakeTestKit.createTopics(config, 1);
    MinioClient minio = S3Clients.minio(s3);
    LakeStore store = new LakeStore(minio, LakeTestKit.BUCKET);
    store.ensureBucket();
    LakeReader reader = LakeReader.of(config, minio);

    try (KafkaProducer<byte[], byte[]> producer = LakeTestKit.producer(config)) {
      LakeTestKit.sendSummaries(producer, config, 1, 20);
      Path out = temp.resolve("child.out");
      Path err = temp.resolve("child.err");
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-XX:TieredStopAtLevel=1",
                  "-XX:+UseSerialGC",
                  "-Xmx128m",
                  "-cp",
                  classPathWithoutHadoop(),
                  CrashingLakeWriter.class.getName(),
                  kafka.bootstrapServers(),
                  s3.url().toString(),
                  s3.accessKey(),
                  s3.secretKey(),
                  s3.region(),
                  group,
                  topicPrefix,
                  prefix,
                  instance)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      try {
        LakeTestKit.await(
            "the child's upload",
            60,
            () -> {
              assertThat(child.isAlive()).as("child alive; stderr: %s", read(err)).isTrue();
              return read(out).contains("UPLOADED");
            });
        // Stored but not committed: in the bucket, invisible to readers.
        assertThat(dataObjects(store, prefix)).hasSize(1);
        assertThat(reader.read(LakeDatasets.TELEMETRY, TimeRange.ALL)).isEmpty();
      } finally {
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      String orphan = dataObjects(store, prefix).get(0);

      LakeTestKit.sendSummaries(producer, config, 15, 30); // 15..20 redelivered, 21..30 new
      try (LakeWriter writer = LakeWriter.start(config, minio)) {
        LakeTestKit.await(
            "30 rows after takeover",
            60,
            () -> reader.read(LakeDatasets.TELEMETRY, TimeRange.ALL).size() >= 30);
      }
      List<Long> sequences =
          reader.read(LakeDatasets.TELEMETRY, TimeRange.ALL).stream()
              .map(TelemetryRow::sequence)
              .sorted()
              .collect(Collectors.toList());
      List<Long> expected = new ArrayList<>();
      for (long s = 1; s <= 30; s++) {
        expected.add(s);
      }
      assertThat(sequences).isEqualTo(expected);
      // Every data object left is a committed one: the orphan was rolled back or rewritten.
      List<String> committed =
          reader.files(LakeDatasets.TELEMETRY, TimeRange.ALL).stream()
              .map(f -> f.name())
              .collect(Collectors.toList());
      assertThat(dataObjects(store, prefix)).isEqualTo(committed);
      assertThat(committed).doesNotContain(orphan);
    }
  }

  private static List<String> dataObjects(LakeStore store, String prefix) {
    return store.list(prefix + "telemetry/").stream()
        .map(StoredObject::name)
        .collect(Collectors.toList());
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (java.io.IOException e) {
      return "";
    }
  }

  /**
   * The test class path less Hadoop's jar: the writer must run without it. Surefire puts the full
   * class path in {@code surefire.test.class.path}; {@code java.class.path} is a manifest jar.
   */
  private static String classPathWithoutHadoop() {
    String full =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> kept = new ArrayList<>();
    for (String entry : full.split(File.pathSeparator)) {
      if (!entry.contains("hadoop-client-api")) {
        kept.add(entry);
      }
    }
    assertThat(kept).as("class path entries").hasSizeGreaterThan(10);
    return String.join(File.pathSeparator, kept);
  }
}
