package dev.tandem.ingest.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;

class LakeConfigTest {

  private static Map<String, String> minimal() {
    Map<String, String> values = new HashMap<>();
    values.put(LakeConfig.BOOTSTRAP_SERVERS, "127.0.0.1:9092");
    values.put(LakeConfig.BUCKET, "tandem-lake");
    return values;
  }

  @Test
  void missingKeysTakeTheDefaults() {
    LakeConfig config = LakeConfig.fromMap(minimal());
    assertThat(config.groupId()).isEqualTo("tandem-lake");
    assertThat(config.flushMaxAge()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.codec()).isEqualTo(CompressionCodecName.ZSTD);
    assertThat(config.datasets()).containsExactly("telemetry", "events", "samples");
  }

  @Test
  void readsEveryKey() {
    Map<String, String> values = minimal();
    values.put(LakeConfig.GROUP_ID, "g");
    values.put(LakeConfig.TOPIC_PREFIX, "staging.");
    values.put(LakeConfig.PREFIX, "lake/");
    values.put(LakeConfig.FLUSH_MAX_ROWS, "1_000");
    values.put(LakeConfig.FLUSH_MAX_BYTES, "2048");
    values.put(LakeConfig.FLUSH_MAX_AGE, "30s");
    values.put(LakeConfig.COMPRESSION, "snappy");
    values.put(LakeConfig.DATASETS, "events, samples");
    values.put(LakeConfig.DEDUP_WINDOW, "256");
    values.put(LakeConfig.DEDUP_MAX_DEVICES, "50");
    values.put(LakeConfig.KAFKA_PROPERTIES + "security.protocol", "SSL");

    LakeConfig config = LakeConfig.fromMap(values);

    assertThat(config.groupId()).isEqualTo("g");
    assertThat(config.prefix()).isEqualTo("lake/");
    assertThat(config.flushMaxRows()).isEqualTo(1000);
    assertThat(config.flushMaxBytes()).isEqualTo(2048);
    assertThat(config.flushMaxAge()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.codec()).isEqualTo(CompressionCodecName.SNAPPY);
    assertThat(config.datasets()).containsExactly("events", "samples");
    assertThat(config.dedupWindow()).isEqualTo(256);
    assertThat(config.dedupMaxDevices()).isEqualTo(50);
    assertThat(config.kafkaProperties()).containsEntry("security.protocol", "SSL");
    assertThat(config.topicOf(config.lakeDatasets().get(0))).isEqualTo("staging.tandem.events.v1");
    assertThat(config.datasetOf("staging.tandem.samples.v1")).isPresent();
    assertThat(config.datasetOf("tandem.samples.v1")).isEmpty();
  }

  @Test
  void errorsNameTheKey() {
    assertError(
        LakeConfig.FLUSH_MAX_AGE, "0s", "tandem.lake.flush.max-age must be a positive duration");
    assertError(
        LakeConfig.FLUSH_MAX_AGE, "soon", "tandem.lake.flush.max-age must be a positive duration");
    assertError(
        LakeConfig.FLUSH_MAX_ROWS, "-1", "tandem.lake.flush.max-rows must be a positive number");
    assertError(LakeConfig.FLUSH_MAX_BYTES, "lots", "tandem.lake.flush.max-bytes must be a number");
    assertError(LakeConfig.COMPRESSION, "gzip", "tandem.lake.compression must be snappy or zstd");
    assertError(
        LakeConfig.DATASETS,
        "telemetry,state",
        "tandem.lake.datasets names unknown dataset 'state'");
    assertError(
        LakeConfig.DEDUP_WINDOW,
        "100",
        "tandem.lake.dedup.window must be a positive multiple of 64");
    assertError(LakeConfig.PREFIX, "lake", "tandem.lake.prefix");
    assertError(LakeConfig.BUCKET, "Not_A_Bucket", "tandem.lake.bucket must be an S3 bucket name");
    assertError(
        LakeConfig.BOOTSTRAP_SERVERS,
        "nohost",
        "tandem.lake.kafka.bootstrap-servers must be host:port");
    Map<String, String> values = minimal();
    values.remove(LakeConfig.BUCKET);
    assertThatThrownBy(() -> LakeConfig.fromMap(values))
        .hasMessage("tandem.lake.bucket must be set");
  }

  @Test
  void durationsAcceptSeveralForms() {
    assertThat(LakeConfig.duration("500ms", "k")).isEqualTo(Duration.ofMillis(500));
    assertThat(LakeConfig.duration("PT2M", "k")).isEqualTo(Duration.ofMinutes(2));
    assertThat(LakeConfig.duration("1h", "k")).isEqualTo(Duration.ofHours(1));
    assertThat(LakeConfig.duration("5m", "k")).isEqualTo(Duration.ofMinutes(5));
  }

  private static void assertError(String key, String value, String message) {
    Map<String, String> values = minimal();
    values.put(key, value);
    assertThatThrownBy(() -> LakeConfig.fromMap(values))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
