package dev.tandem.sandbox.run;

import dev.tandem.sandbox.config.ConfigKey;
import dev.tandem.sandbox.config.SandboxConfig;
import dev.tandem.sandbox.config.SandboxConfigParser;
import dev.tandem.sandbox.config.SettingsFile;
import dev.tandem.servers.stack.EmbeddedPorts;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by every command that runs the platform's servers. */
public final class ServerOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Settings file (key = value); see docs/operations.md for the keys.")
  Path configFile;

  @Option(names = "--data", paramLabel = "DIR", description = "Where embedded servers keep data.")
  Path dataDir;

  @Option(
      names = "--kafka",
      paramLabel = "HOST:PORT",
      description = "Use this Kafka instead of an embedded one.")
  String kafka;

  @Option(
      names = "--mqtt",
      paramLabel = "URL",
      description = "Use this MQTT broker (tcp://host:port).")
  String mqtt;

  @Option(
      names = "--s3",
      paramLabel = "URL",
      description = "Use this S3 store (http://host:port); keys via --set.")
  String s3;

  @Option(
      names = "--postgres",
      paramLabel = "JDBC_URL",
      description = "Use this PostgreSQL (jdbc:postgresql://host:port/db?user=..).")
  String postgres;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Set any configuration key.")
  Map<String, String> settings = new LinkedHashMap<>();

  /** File settings, overridden by {@code --set}, overridden by the dedicated flags. */
  public SandboxConfig resolve(
      Path defaultDataDir, EmbeddedPorts defaultPorts, boolean persistent) {
    Map<String, String> values = new LinkedHashMap<>();
    if (configFile != null) {
      values.putAll(SettingsFile.read(configFile));
    }
    values.putAll(settings);
    put(values, ConfigKey.DATA_DIR, dataDir == null ? null : dataDir.toString());
    put(values, ConfigKey.KAFKA_EXTERNAL, kafka);
    put(values, ConfigKey.MQTT_EXTERNAL, mqtt);
    put(values, ConfigKey.S3_EXTERNAL, s3);
    put(values, ConfigKey.POSTGRES_EXTERNAL, postgres);
    return SandboxConfigParser.parse(values, defaultDataDir, defaultPorts, persistent);
  }

  private static void put(Map<String, String> values, ConfigKey key, String value) {
    if (value != null) {
      values.put(key.key(), value);
    }
  }

  /** The folder the launcher runs from ({@code tandem.home}), where default data lives. */
  public static Path home() {
    return Path.of(System.getProperty("tandem.home", ".")).toAbsolutePath().normalize();
  }
}
