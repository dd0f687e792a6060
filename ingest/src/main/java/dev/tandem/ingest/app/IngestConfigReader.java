package dev.tandem.ingest.app;

import dev.tandem.config.ConfigError;
import dev.tandem.config.ConfigNode;
import dev.tandem.config.YamlConfig;
import dev.tandem.ingest.bridge.BridgeConfig;
import dev.tandem.ingest.bridge.KafkaSettings;
import dev.tandem.ingest.bridge.MqttSettings;
import dev.tandem.ingest.lake.LakeConfig;
import dev.tandem.ingest.validate.ValidationLimits;
import dev.tandem.protocol.stream.FleetStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the ingest YAML file (format in {@code ingest/README.md}). Every problem is a {@link
 * ConfigError} naming its key; unknown keys are refused.
 */
public final class IngestConfigReader {
  private IngestConfigReader() {}

  public static IngestConfig read(Path file) {
    return YamlConfig.read(file, IngestConfigReader::ingest);
  }

  public static IngestConfig parse(String yaml) {
    return YamlConfig.parse(yaml, IngestConfigReader::ingest);
  }

  private static IngestConfig ingest(ConfigNode root) {
    KafkaSettings kafka = kafka(root.child("kafka"));
    Optional<BridgeConfig> bridge = root.optChild("bridge").map(node -> bridge(node, kafka));
    Optional<IngestConfig.Lake> lake = root.optChild("lake").map(node -> lake(node, kafka));
    ConfigNode ops = root.optChild("ops").orElse(null);
    String host = ops == null ? "127.0.0.1" : ops.optString("host").orElse("127.0.0.1");
    int port = ops == null ? 9464 : ops.integer("port", 9464, 0, 65_535);
    if (ops != null) {
      ops.finish();
    }
    if (bridge.isEmpty() && lake.isEmpty()) {
      throw new ConfigError("(file)", "needs a 'bridge' section, a 'lake' section, or both");
    }
    return new IngestConfig(bridge, lake, host, port);
  }

  private static KafkaSettings kafka(ConfigNode node) {
    String servers = node.string("bootstrap-servers");
    int partitions = node.integer("partitions", 6, 1, 10_000);
    int replication = node.integer("replication-factor", 1, 1, 32);
    Duration linger = node.duration("linger", Duration.ofMillis(2));
    Duration retry = node.duration("retry-backoff", Duration.ofMillis(500));
    Map<String, String> overrides = new LinkedHashMap<>();
    node.optChild("producer")
        .ifPresent(
            producer -> {
              for (String key : producer.keys()) {
                overrides.put(key, producer.string(key));
              }
              producer.finish();
            });
    KafkaSettings settings =
        node.check(
            "",
            () ->
                new KafkaSettings(
                    servers, partitions, (short) replication, linger, retry, overrides));
    node.finish();
    return settings;
  }

  private static BridgeConfig bridge(ConfigNode node, KafkaSettings kafka) {
    MqttSettings mqtt = mqtt(node.child("mqtt"));
    ValidationLimits limits =
        node.optChild("validation")
            .map(IngestConfigReader::limits)
            .orElse(ValidationLimits.DEFAULTS);
    Set<FleetStream> streams = streams(node);
    Duration drain = node.duration("drain-timeout", Duration.ofSeconds(30));
    return node.check("", () -> new BridgeConfig(mqtt, kafka, limits, streams, drain));
  }

  private static IngestConfig.Lake lake(ConfigNode node, KafkaSettings kafka) {
    ObjectStoreSettings store = objectStore(node.child("s3"));
    LakeConfig d = LakeConfig.defaults(kafka.bootstrapServers(), "tandem-lake");
    String bucket = node.optString("bucket").orElse(d.bucket());
    String prefix = node.has("prefix") ? node.string("prefix") : d.prefix();
    String group = node.optString("group-id").orElse(d.groupId());
    String compression = node.optString("compression").orElse(d.compression());
    List<String> datasets = node.stringList("datasets");
    ConfigNode flush = node.optChild("flush").orElse(null);
    int maxRows =
        flush == null
            ? d.flushMaxRows()
            : flush.integer("max-rows", d.flushMaxRows(), 1, 10_000_000);
    long maxBytes =
        flush == null
            ? d.flushMaxBytes()
            : flush.longValue("max-bytes", d.flushMaxBytes(), 1, 1L << 34);
    Duration maxAge = flush == null ? d.flushMaxAge() : flush.duration("max-age", d.flushMaxAge());
    if (flush != null) {
      flush.finish();
    }
    ConfigNode dedup = node.optChild("dedup").orElse(null);
    int window =
        dedup == null ? d.dedupWindow() : dedup.integer("window", d.dedupWindow(), 64, 1 << 20);
    int maxDevices =
        dedup == null
            ? d.dedupMaxDevices()
            : dedup.integer("max-devices", d.dedupMaxDevices(), 1, 10_000_000);
    if (dedup != null) {
      dedup.finish();
    }
    LakeConfig config =
        node.check(
            "",
            () ->
                new LakeConfig(
                    kafka.bootstrapServers(),
                    group,
                    d.topicPrefix(),
                    bucket,
                    prefix,
                    maxRows,
                    maxBytes,
                    maxAge,
                    compression,
                    datasets.isEmpty() ? d.datasets() : datasets,
                    window,
                    maxDevices,
                    Map.of()));
    node.finish();
    return new IngestConfig.Lake(config, store);
  }

  private static ObjectStoreSettings objectStore(ConfigNode node) {
    URI url = node.check("url", () -> uri(node.string("url")));
    String accessKey = node.string("access-key");
    String secretKey = node.string("secret-key");
    String region = node.optString("region").orElse("us-east-1");
    ObjectStoreSettings settings =
        node.check("", () -> new ObjectStoreSettings(url, accessKey, secretKey, region));
    node.finish();
    return settings;
  }

  private static MqttSettings mqtt(ConfigNode node) {
    URI url = node.check("url", () -> uri(node.string("url")));
    String clientId = node.string("client-id");
    String group = node.optString("share-group").orElse("tandem-ingest");
    Optional<String> username = node.optString("username");
    Optional<String> password = node.optString("password");
    int receiveMaximum = node.integer("receive-maximum", 1000, 1, 65_535);
    Duration expiry = node.duration("session-expiry", Duration.ofHours(1));
    int connections = node.integer("connections", MqttSettings.DEFAULT_CONNECTIONS, 1, 64);
    MqttSettings settings =
        node.check(
            "",
            () ->
                new MqttSettings(
                    url, clientId, group, username, password, receiveMaximum, expiry, connections));
    node.finish();
    return settings;
  }

  private static ValidationLimits limits(ConfigNode node) {
    int maxBytes = node.integer("max-payload-bytes", 256 * 1024, 64, 64 * 1024 * 1024);
    Duration skew = node.duration("max-clock-skew", Duration.ofMinutes(5));
    Duration age = node.duration("max-age", Duration.ofDays(30));
    ValidationLimits limits = node.check("", () -> new ValidationLimits(maxBytes, skew, age));
    node.finish();
    return limits;
  }

  private static Set<FleetStream> streams(ConfigNode node) {
    List<String> names = node.stringList("streams");
    if (names.isEmpty()) {
      return EnumSet.allOf(FleetStream.class);
    }
    Set<FleetStream> streams = EnumSet.noneOf(FleetStream.class);
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      try {
        streams.add(FleetStream.valueOf(name.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new ConfigError(
            node.key("streams") + "[" + i + "]",
            "must be one of telemetry, events, state, updates, samples, got '" + name + "'");
      }
    }
    return streams;
  }

  private static URI uri(String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + text);
    }
  }
}
