package dev.tandem.edge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.config.ConfigError;
import dev.tandem.edge.update.UpdateSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UpdateSettingsReaderTest {
  private static final Path BASE = Path.of("/etc/tandem");

  private static AgentConfig parse(String updates) {
    return AgentConfigReader.parse(
        """
        device: {id: press-17}
        mqtt: {url: 'tcp://127.0.0.1:1883'}
        outbox: {dir: outbox}
        streams:
          - id: s
            source: {type: stdin}
            window: {size: 10s}
        """
            + updates,
        BASE);
  }

  @Test
  void noUpdatesSectionMeansNoUpdateClient() {
    assertThat(parse("").updates()).isEmpty();
  }

  @Test
  void readsEveryKeyAndResolvesPaths() {
    UpdateSettings s =
        parse(
                """
                updates:
                  dir: models
                  root: /var/lib/tandem/root.json
                  keep-versions: 4
                  download-timeout: 2m
                  connect-timeout: 3s
                  download-attempts: 5
                  health-inputs: 8
                  latency-budget: 20ms
                  probation-inferences: 50
                  max-error-rate: 0.2
                  control-plane: https://cp.example:8443
                  device-token: tdd_abc
                """)
            .updates()
            .orElseThrow();
    assertThat(s.dir()).isEqualTo(BASE.resolve("models"));
    assertThat(s.pinnedRoot()).isEqualTo(Path.of("/var/lib/tandem/root.json"));
    assertThat(s.keepVersions()).isEqualTo(4);
    assertThat(s.downloadTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(s.downloadAttempts()).isEqualTo(5);
    assertThat(s.healthInputs()).isEqualTo(8);
    assertThat(s.latencyBudget()).isEqualTo(Duration.ofMillis(20));
    assertThat(s.probationInferences()).isEqualTo(50);
    assertThat(s.maxErrorRate()).isEqualTo(0.2);
    assertThat(s.controlPlane()).contains(URI.create("https://cp.example:8443"));
    assertThat(s.deviceToken()).contains("tdd_abc");
  }

  @Test
  void defaultsNeedOnlyDirAndRoot() {
    UpdateSettings s = parse("updates: {dir: m, root: r.json}\n").updates().orElseThrow();
    assertThat(s.keepVersions()).isEqualTo(3);
    assertThat(s.controlPlane()).isEmpty();
  }

  @Test
  void errorsNameTheKey() {
    assertThatThrownBy(() -> parse("updates: {dir: m}\n"))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("updates.root");
    assertThatThrownBy(() -> parse("updates: {dir: m, root: r, keep-versions: 1}\n"))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("updates.keep-versions");
    assertThatThrownBy(() -> parse("updates: {dir: m, root: r, download-timeout: soon}\n"))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("updates.download-timeout");
    assertThatThrownBy(() -> parse("updates: {dir: m, root: r, max-error-rate: 1.5}\n"))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("max-error-rate must be between 0 and 1");
    assertThatThrownBy(() -> parse("updates: {dir: m, root: r, control-plane: 'http://x:1'}\n"))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("control-plane and device-token go together");
    assertThatThrownBy(() -> parse("updates: {dir: m, root: r, keep-version: 3}\n"))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("updates.keep-version")
        .hasMessageContaining("unknown key");
  }
}
