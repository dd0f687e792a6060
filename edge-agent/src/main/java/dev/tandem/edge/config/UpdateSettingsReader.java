package dev.tandem.edge.config;

import dev.tandem.config.ConfigError;
import dev.tandem.config.ConfigNode;
import dev.tandem.edge.update.UpdateSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Reads the {@code updates:} section; every error names its key. */
final class UpdateSettingsReader {
  private UpdateSettingsReader() {}

  static UpdateSettings read(ConfigNode node, Path baseDir) {
    UpdateSettings d = UpdateSettings.defaults(Path.of("."), Path.of("."));
    Path dir = baseDir.resolve(node.string("dir"));
    Path root = baseDir.resolve(node.string("root"));
    int keep = node.integer("keep-versions", d.keepVersions(), 2, 100);
    Duration downloadTimeout = node.duration("download-timeout", d.downloadTimeout());
    Duration connectTimeout = node.duration("connect-timeout", d.connectTimeout());
    int attempts = node.integer("download-attempts", d.downloadAttempts(), 1, 100);
    int healthInputs = node.integer("health-inputs", d.healthInputs(), 0, 10_000);
    Duration budget = node.duration("latency-budget", d.latencyBudget());
    int probation = node.integer("probation-inferences", d.probationInferences(), 0, 1_000_000);
    double maxErrorRate = node.number("max-error-rate", d.maxErrorRate());
    Optional<URI> controlPlane =
        node.optString("control-plane").map(url -> uri(node.key("control-plane"), url));
    Optional<String> token = node.optString("device-token");
    node.finish();
    return node.check(
        "",
        () ->
            new UpdateSettings(
                dir,
                root,
                keep,
                downloadTimeout,
                connectTimeout,
                attempts,
                healthInputs,
                budget,
                probation,
                maxErrorRate,
                controlPlane,
                token));
  }

  private static URI uri(String key, String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw new ConfigError(key, "is not a URL: " + e.getMessage());
    }
  }
}
