package dev.tandem.edge.config;

import dev.tandem.config.ConfigError;
import dev.tandem.config.ConfigNode;
import dev.tandem.config.YamlConfig;
import dev.tandem.edge.config.AgentConfig.MqttSettings;
import dev.tandem.edge.config.AgentConfig.TlsSettings;
import dev.tandem.edge.update.UpdateSettings;
import dev.tandem.protocol.topic.DeviceId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads an agent's YAML file. Every problem is a {@link ConfigError} naming the key path; unknown
 * keys are refused so a typo never falls back to a default silently. See {@code
 * edge-agent/README.md} for the format.
 */
public final class AgentConfigReader {
  private AgentConfigReader() {}

  /**
   * @throws ConfigError if the file is missing, not YAML, or has a bad key or value
   */
  public static AgentConfig read(Path file) {
    Path baseDir = file.toAbsolutePath().getParent();
    return YamlConfig.read(file, root -> agent(root, baseDir));
  }

  /** Parses YAML text; relative paths in it resolve against {@code baseDir}. */
  public static AgentConfig parse(String yaml, Path baseDir) {
    return YamlConfig.parse(yaml, root -> agent(root, baseDir));
  }

  private static AgentConfig agent(ConfigNode root, Path baseDir) {
    ConfigNode device = root.child("device");
    DeviceId deviceId = device.check("id", () -> DeviceId.of(device.string("id")));
    device.finish();
    MqttSettings mqtt = mqtt(root.child("mqtt"), baseDir);
    ConfigNode outbox = root.child("outbox");
    Path outboxDir = baseDir.resolve(outbox.string("dir"));
    long budget = outbox.longValue("budget-mb", 256, 1, 1 << 20) * 1024 * 1024;
    outbox.finish();
    int metricsPort =
        root.optChild("metrics")
            .map(
                m -> {
                  int port = m.integer("port", 0, -1, 65535);
                  m.finish();
                  return port;
                })
            .orElse(-1);
    Duration stateInterval = root.duration("state-interval", Duration.ofSeconds(30));
    long sampleBudget = root.longValue("sample-budget-bytes-per-second", 2_000, 0, 1L << 30);
    var streams = root.list("streams", StreamConfigReader::stream);
    Optional<UpdateSettings> updates =
        root.optChild("updates").map(u -> UpdateSettingsReader.read(u, baseDir));
    return root.check(
        "",
        () ->
            new AgentConfig(
                deviceId,
                mqtt,
                outboxDir,
                budget,
                metricsPort,
                stateInterval,
                sampleBudget,
                streams,
                updates));
  }

  private static MqttSettings mqtt(ConfigNode mqtt, Path baseDir) {
    String url = mqtt.string("url");
    String username = mqtt.optString("username").orElse(null);
    char[] password = mqtt.optString("password").map(String::toCharArray).orElse(null);
    TlsSettings tls =
        mqtt.optChild("tls")
            .map(
                t -> {
                  var settings =
                      new TlsSettings(
                          baseDir.resolve(t.string("trust-store")),
                          t.optString("trust-store-password").map(String::toCharArray).orElse(null),
                          t.optString("key-store").map(baseDir::resolve).orElse(null),
                          t.optString("key-store-password").map(String::toCharArray).orElse(null));
                  t.finish();
                  return settings;
                })
            .orElse(null);
    Duration keepAlive = mqtt.duration("keep-alive", Duration.ofSeconds(30));
    Duration initial = mqtt.duration("reconnect-initial", Duration.ofMillis(500));
    Duration max = mqtt.duration("reconnect-max", Duration.ofSeconds(30));
    var settings =
        mqtt.check(
            "url", () -> new MqttSettings(url, username, password, tls, keepAlive, initial, max));
    mqtt.finish();
    return settings;
  }
}
