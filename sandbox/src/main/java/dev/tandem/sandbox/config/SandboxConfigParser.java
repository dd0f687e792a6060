package dev.tandem.sandbox.config;

import dev.tandem.servers.KafkaEndpoint;
import dev.tandem.servers.MqttEndpoint;
import dev.tandem.servers.PostgresEndpoint;
import dev.tandem.servers.S3Endpoint;
import dev.tandem.servers.stack.EmbeddedPorts;
import dev.tandem.servers.stack.S3Credentials;
import dev.tandem.servers.stack.StackSpec;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns raw key/value settings into a {@link SandboxConfig}, refusing unknown keys and malformed
 * values with a message that names the key.
 */
public final class SandboxConfigParser {
  /** Credentials of the embedded S3 server unless configured: it only listens on 127.0.0.1. */
  public static final S3Credentials DEFAULT_S3 =
      new S3Credentials("tandem", "tandem-sandbox-secret");

  private final Map<String, String> values;

  private SandboxConfigParser(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Validates {@code values} over the given defaults.
   *
   * @param defaultDataDir data directory when {@code data.dir} is not set
   * @param defaultPorts embedded ports when a {@code *.port} key is not set
   * @param persistent whether embedded data is kept between runs
   * @throws ConfigException naming the first bad key
   */
  public static SandboxConfig parse(
      Map<String, String> values,
      Path defaultDataDir,
      EmbeddedPorts defaultPorts,
      boolean persistent) {
    values.keySet().forEach(SandboxConfigParser::requireKnown);
    return new SandboxConfigParser(values).build(defaultDataDir, defaultPorts, persistent);
  }

  private static void requireKnown(String key) {
    if (ConfigKey.find(key).isEmpty()) {
      String known =
          Arrays.stream(ConfigKey.values()).map(ConfigKey::key).collect(Collectors.joining(", "));
      throw new ConfigException(
          "unknown configuration key '%s' (known keys: %s)".formatted(key, known));
    }
  }

  private SandboxConfig build(Path defaultDataDir, EmbeddedPorts defaultPorts, boolean persistent) {
    Path dataDir = string(ConfigKey.DATA_DIR).map(Path::of).orElse(defaultDataDir).toAbsolutePath();
    var ports =
        new EmbeddedPorts(
            port(ConfigKey.KAFKA_PORT, defaultPorts.kafka()),
            port(ConfigKey.KAFKA_CONTROLLER_PORT, defaultPorts.kafkaController()),
            port(ConfigKey.MQTT_PORT, defaultPorts.mqtt()),
            port(ConfigKey.S3_PORT, defaultPorts.s3()),
            port(ConfigKey.POSTGRES_PORT, defaultPorts.postgres()));
    var credentials =
        convert(
            ConfigKey.S3_SECRET_KEY,
            string(ConfigKey.S3_SECRET_KEY).orElse(DEFAULT_S3.secretKey()),
            secret ->
                new S3Credentials(
                    string(ConfigKey.S3_ACCESS_KEY).orElse(DEFAULT_S3.accessKey()), secret));
    String region = string(ConfigKey.S3_REGION).orElse("us-east-1");
    var spec =
        new StackSpec(
            dataDir,
            persistent,
            ports,
            credentials,
            external(ConfigKey.KAFKA_EXTERNAL, KafkaEndpoint::new),
            external(ConfigKey.MQTT_EXTERNAL, MqttEndpoint::of),
            external(
                ConfigKey.S3_EXTERNAL,
                url ->
                    new S3Endpoint(
                        URI.create(url), credentials.accessKey(), credentials.secretKey(), region)),
            external(ConfigKey.POSTGRES_EXTERNAL, PostgresEndpoint::parse));
    boolean sandbox = !defaultPorts.equals(EmbeddedPorts.ANY);
    int registryPort =
        port(ConfigKey.REGISTRY_PORT, sandbox ? SandboxConfig.SANDBOX_REGISTRY_PORT : 0);
    int fleetDevices =
        count(ConfigKey.FLEET_DEVICES, sandbox ? SandboxConfig.SANDBOX_FLEET_DEVICES : 0, 10_000);
    int ingestPort = port(ConfigKey.INGEST_PORT, sandbox ? SandboxConfig.SANDBOX_INGEST_PORT : 0);
    return new SandboxConfig(dataDir, spec, registryPort, fleetDevices, ingestPort);
  }

  private Optional<String> string(ConfigKey key) {
    String value = values.get(key.key());
    if (value == null) {
      return Optional.empty();
    }
    if (value.isBlank()) {
      throw new ConfigException(key.key() + ": value is empty (" + key.description() + ")");
    }
    return Optional.of(value.trim());
  }

  private int port(ConfigKey key, int defaultPort) {
    return string(key)
        .map(
            raw -> {
              int port;
              try {
                port = Integer.parseInt(raw);
              } catch (NumberFormatException e) {
                throw new ConfigException(
                    "%s: '%s' is not a port number".formatted(key.key(), raw));
              }
              if (port < 0 || port > 65535) {
                throw new ConfigException(
                    "%s: %d is out of range (1-65535, or 0 for a free port)"
                        .formatted(key.key(), port));
              }
              return port;
            })
        .orElse(defaultPort);
  }

  private int count(ConfigKey key, int defaultValue, int max) {
    return string(key)
        .map(
            raw -> {
              try {
                int value = Integer.parseInt(raw);
                if (value < 0 || value > max) {
                  throw new ConfigException(
                      "%s: %d is out of range (0-%d)".formatted(key.key(), value, max));
                }
                return value;
              } catch (NumberFormatException e) {
                throw new ConfigException(
                    "%s: '%s' is not a whole number".formatted(key.key(), raw));
              }
            })
        .orElse(defaultValue);
  }

  private <T> Optional<T> external(ConfigKey key, Function<String, T> parser) {
    return string(key).map(raw -> convert(key, raw, parser));
  }

  private static <T> T convert(ConfigKey key, String raw, Function<String, T> parser) {
    try {
      return parser.apply(raw);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "%s: '%s' is invalid: %s".formatted(key.key(), raw, e.getMessage()));
    }
  }
}
