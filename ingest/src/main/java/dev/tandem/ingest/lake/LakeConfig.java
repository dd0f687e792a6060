package dev.tandem.ingest.lake;

import dev.tandem.ingest.lake.dataset.LakeDataset;
import dev.tandem.ingest.lake.dataset.LakeDatasets;
import dev.tandem.ingest.lake.store.LakeLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Configuration of the lake writer. Every error names the configuration key it is about.
 *
 * @param bootstrapServers {@value #BOOTSTRAP_SERVERS}: Kafka {@code host:port[,host:port]}
 * @param groupId {@value #GROUP_ID}: the consumer group (default {@code tandem-lake})
 * @param topicPrefix {@value #TOPIC_PREFIX}: put before each {@code FleetStream} topic name, to
 *     keep environments apart on one cluster (default empty)
 * @param bucket {@value #BUCKET}: the object store bucket, created if missing
 * @param prefix {@value #PREFIX}: object name prefix, empty or ending in {@code /}
 * @param flushMaxRows {@value #FLUSH_MAX_ROWS}: close a partition's files at this many rows
 * @param flushMaxBytes {@value #FLUSH_MAX_BYTES}: ... or at this many bytes of Kafka values held
 * @param flushMaxAge {@value #FLUSH_MAX_AGE}: ... or when the oldest record held is this old
 * @param compression {@value #COMPRESSION}: {@code snappy} or {@code zstd}
 * @param datasets {@value #DATASETS}: table names to write, from {@code telemetry, events, samples}
 * @param dedupWindow {@value #DEDUP_WINDOW}: sequences remembered per device below its highest, a
 *     multiple of 64
 * @param dedupMaxDevices {@value #DEDUP_MAX_DEVICES}: devices remembered per Kafka partition
 * @param kafkaProperties {@value #KAFKA_PROPERTIES}*: extra consumer properties (security, ...)
 */
public record LakeConfig(
    String bootstrapServers,
    String groupId,
    String topicPrefix,
    String bucket,
    String prefix,
    int flushMaxRows,
    long flushMaxBytes,
    Duration flushMaxAge,
    String compression,
    List<String> datasets,
    int dedupWindow,
    int dedupMaxDevices,
    Map<String, String> kafkaProperties) {

  public static final String BOOTSTRAP_SERVERS = "tandem.lake.kafka.bootstrap-servers";
  public static final String GROUP_ID = "tandem.lake.kafka.group-id";
  public static final String TOPIC_PREFIX = "tandem.lake.kafka.topic-prefix";
  public static final String BUCKET = "tandem.lake.bucket";
  public static final String PREFIX = "tandem.lake.prefix";
  public static final String FLUSH_MAX_ROWS = "tandem.lake.flush.max-rows";
  public static final String FLUSH_MAX_BYTES = "tandem.lake.flush.max-bytes";
  public static final String FLUSH_MAX_AGE = "tandem.lake.flush.max-age";
  public static final String COMPRESSION = "tandem.lake.compression";
  public static final String DATASETS = "tandem.lake.datasets";
  public static final String DEDUP_WINDOW = "tandem.lake.dedup.window";
  public static final String DEDUP_MAX_DEVICES = "tandem.lake.dedup.max-devices";
  public static final String KAFKA_PROPERTIES = "tandem.lake.kafka.properties.";

  /** Default consumer group. */
  public static final String DEFAULT_GROUP_ID = "tandem-lake";

  public LakeConfig {
    require(bootstrapServers, BOOTSTRAP_SERVERS);
    if (!bootstrapServers.matches("[^,\\s]+:\\d+(,[^,\\s]+:\\d+)*")) {
      throw new IllegalArgumentException(
          BOOTSTRAP_SERVERS + " must be host:port[,host:port...], got '" + bootstrapServers + "'");
    }
    require(groupId, GROUP_ID);
    Objects.requireNonNull(topicPrefix, TOPIC_PREFIX);
    if (!topicPrefix.matches("[a-zA-Z0-9._-]*")) {
      throw new IllegalArgumentException(
          TOPIC_PREFIX + " may hold only a-z A-Z 0-9 . _ -, got '" + topicPrefix + "'");
    }
    require(bucket, BUCKET);
    if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
      throw new IllegalArgumentException(
          BUCKET + " must be an S3 bucket name (3-63 of a-z 0-9 . -), got '" + bucket + "'");
    }
    Objects.requireNonNull(prefix, PREFIX);
    try {
      new LakeLayout(prefix);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(PREFIX + ": " + e.getMessage(), e);
    }
    if (flushMaxRows <= 0) {
      throw new IllegalArgumentException(
          FLUSH_MAX_ROWS + " must be a positive number, got " + flushMaxRows);
    }
    if (flushMaxBytes <= 0) {
      throw new IllegalArgumentException(
          FLUSH_MAX_BYTES + " must be a positive number, got " + flushMaxBytes);
    }
    if (flushMaxAge == null || flushMaxAge.isNegative() || flushMaxAge.isZero()) {
      throw new IllegalArgumentException(
          FLUSH_MAX_AGE + " must be a positive duration, got " + flushMaxAge);
    }
    require(compression, COMPRESSION);
    codecOf(compression);
    datasets = List.copyOf(Objects.requireNonNull(datasets, DATASETS));
    if (datasets.isEmpty()) {
      throw new IllegalArgumentException(DATASETS + " must name at least one dataset");
    }
    for (String name : datasets) {
      if (LakeDatasets.byName(name).isEmpty()) {
        throw new IllegalArgumentException(
            DATASETS + " names unknown dataset '" + name + "'; known: " + knownDatasets());
      }
    }
    if (dedupWindow <= 0 || dedupWindow % 64 != 0) {
      throw new IllegalArgumentException(
          DEDUP_WINDOW + " must be a positive multiple of 64, got " + dedupWindow);
    }
    if (dedupMaxDevices <= 0) {
      throw new IllegalArgumentException(
          DEDUP_MAX_DEVICES + " must be a positive number, got " + dedupMaxDevices);
    }
    kafkaProperties = Map.copyOf(Objects.requireNonNull(kafkaProperties, KAFKA_PROPERTIES));
  }

  /**
   * The defaults: group {@code tandem-lake}, no prefix, files closed at 100,000 rows, 64 MiB of
   * values or 5 minutes, zstd, all datasets, a dedup window of 1024 sequences for up to 100,000
   * devices per partition.
   */
  public static LakeConfig defaults(String bootstrapServers, String bucket) {
    return new LakeConfig(
        bootstrapServers,
        DEFAULT_GROUP_ID,
        "",
        bucket,
        "",
        100_000,
        64L * 1024 * 1024,
        Duration.ofMinutes(5),
        "zstd",
        List.of("telemetry", "events", "samples"),
        1024,
        100_000,
        Map.of());
  }

  /**
   * Reads a configuration from flat keys (the constants of this class); missing keys take the
   * {@link #defaults}. Durations are ISO-8601 ({@code PT30S}) or a number with {@code ms}, {@code
   * s}, {@code m} or {@code h}; datasets are comma-separated.
   *
   * @throws IllegalArgumentException naming the key that is missing or malformed
   */
  public static LakeConfig fromMap(Map<String, String> values) {
    String bootstrap = values.get(BOOTSTRAP_SERVERS);
    require(bootstrap, BOOTSTRAP_SERVERS);
    String bucket = values.get(BUCKET);
    require(bucket, BUCKET);
    LakeConfig d = defaults(bootstrap.trim(), bucket.trim());
    Map<String, String> kafka = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith(KAFKA_PROPERTIES)) {
            kafka.put(k.substring(KAFKA_PROPERTIES.length()), v);
          }
        });
    return new LakeConfig(
        d.bootstrapServers(),
        values.getOrDefault(GROUP_ID, d.groupId()).trim(),
        values.getOrDefault(TOPIC_PREFIX, d.topicPrefix()).trim(),
        d.bucket(),
        values.getOrDefault(PREFIX, d.prefix()).trim(),
        (int) number(values, FLUSH_MAX_ROWS, d.flushMaxRows()),
        number(values, FLUSH_MAX_BYTES, d.flushMaxBytes()),
        values.containsKey(FLUSH_MAX_AGE)
            ? duration(values.get(FLUSH_MAX_AGE), FLUSH_MAX_AGE)
            : d.flushMaxAge(),
        values.getOrDefault(COMPRESSION, d.compression()).trim(),
        values.containsKey(DATASETS) ? list(values.get(DATASETS)) : d.datasets(),
        (int) number(values, DEDUP_WINDOW, d.dedupWindow()),
        (int) number(values, DEDUP_MAX_DEVICES, d.dedupMaxDevices()),
        kafka);
  }

  /** This configuration with other flush thresholds. */
  public LakeConfig withFlush(int maxRows, long maxBytes, Duration maxAge) {
    return new LakeConfig(
        bootstrapServers,
        groupId,
        topicPrefix,
        bucket,
        prefix,
        maxRows,
        maxBytes,
        maxAge,
        compression,
        datasets,
        dedupWindow,
        dedupMaxDevices,
        kafkaProperties);
  }

  /** This configuration with another consumer group, topic prefix and object prefix. */
  public LakeConfig withNames(String newGroupId, String newTopicPrefix, String newPrefix) {
    return new LakeConfig(
        bootstrapServers,
        newGroupId,
        newTopicPrefix,
        bucket,
        newPrefix,
        flushMaxRows,
        flushMaxBytes,
        flushMaxAge,
        compression,
        datasets,
        dedupWindow,
        dedupMaxDevices,
        kafkaProperties);
  }

  /** The datasets to write. */
  public List<LakeDataset<?>> lakeDatasets() {
    List<LakeDataset<?>> resolved = new ArrayList<>();
    for (String name : datasets) {
      resolved.add(LakeDatasets.byName(name).orElseThrow());
    }
    return resolved;
  }

  /** This configuration with extra Kafka consumer properties. */
  public LakeConfig withKafkaProperties(Map<String, String> properties) {
    return new LakeConfig(
        bootstrapServers,
        groupId,
        topicPrefix,
        bucket,
        prefix,
        flushMaxRows,
        flushMaxBytes,
        flushMaxAge,
        compression,
        datasets,
        dedupWindow,
        dedupMaxDevices,
        properties);
  }

  /** The Kafka topic {@code dataset} is read from. */
  public String topicOf(LakeDataset<?> dataset) {
    return topicPrefix + dataset.stream().kafkaTopic();
  }

  /** The dataset read from Kafka topic {@code topic}, if it is one of {@link #datasets}. */
  public Optional<LakeDataset<?>> datasetOf(String topic) {
    return lakeDatasets().stream().filter(d -> topicOf(d).equals(topic)).findFirst();
  }

  /** The Parquet codec {@link #compression} names. */
  public CompressionCodecName codec() {
    return codecOf(compression);
  }

  /** Object names of the lake under {@link #prefix}. */
  public LakeLayout layout() {
    return new LakeLayout(prefix);
  }

  private static CompressionCodecName codecOf(String compression) {
    switch (compression.toLowerCase(Locale.ROOT)) {
      case "snappy":
        return CompressionCodecName.SNAPPY;
      case "zstd":
        return CompressionCodecName.ZSTD;
      default:
        throw new IllegalArgumentException(
            COMPRESSION + " must be snappy or zstd, got '" + compression + "'");
    }
  }

  private static void require(String value, String key) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + " must be set");
    }
  }

  private static String knownDatasets() {
    List<String> names = new ArrayList<>();
    LakeDatasets.all().forEach(d -> names.add(d.name()));
    return String.join(", ", names);
  }

  private static long number(Map<String, String> values, String key, long fallback) {
    String text = values.get(key);
    if (text == null) {
      return fallback;
    }
    try {
      return Long.parseLong(text.trim().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, got '" + text + "'", e);
    }
  }

  private static List<String> list(String text) {
    List<String> items = new ArrayList<>();
    for (String item : text.split(",")) {
      if (!item.isBlank()) {
        items.add(item.trim());
      }
    }
    return items;
  }

  /** Parses {@code PT30S}, {@code 500ms}, {@code 30s}, {@code 5m} or {@code 1h}. */
  static Duration duration(String text, String key) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.startsWith("pt") || t.startsWith("p")) {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      }
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      long n = Long.parseLong(t.substring(0, t.length() - 1));
      switch (t.charAt(t.length() - 1)) {
        case 's':
          return Duration.ofSeconds(n);
        case 'm':
          return Duration.ofMinutes(n);
        case 'h':
          return Duration.ofHours(n);
        default:
          break;
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          key + " must be a positive duration like 30s, 500ms or PT30S, got '" + text + "'", e);
    }
    throw new IllegalArgumentException(
        key + " must be a positive duration like 30s, 500ms or PT30S, got '" + text + "'");
  }
}
