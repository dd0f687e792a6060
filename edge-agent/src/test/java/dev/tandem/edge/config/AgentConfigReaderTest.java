package dev.tandem.edge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.config.ConfigError;
import dev.tandem.edge.filter.HampelFilter;
import dev.tandem.protocol.v1.EventKind;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgentConfigReaderTest {
  private static final Path BASE = Path.of("/etc/tandem");

  static final String VALID =
      """
      device:
        id: press-17
      mqtt:
        url: tcp://127.0.0.1:1883
        username: press-17
        password: s3cret
        reconnect-max: 10s
      outbox:
        dir: outbox
        budget-mb: 64
      metrics:
        port: 9464
      streams:
        - id: spindle.vibration
          source:
            type: simulated
            profile: vibration
            rate-hz: 100
            seed: 42
            faults:
              - {kind: bearing-fault, at-seconds: 60, duration-seconds: 5, magnitude: 4}
          range: {min: -50, max: 50}
          filters:
            - hampel: {window: 7, sigmas: 3}
            - smoothing: {alpha: 0.5}
          detectors:
            - threshold: {high: 3, hysteresis: 0.5, debounce: 3, severity: critical}
            - rate-of-change: {max-per-second: 500}
            - robust-stat: {severity: warning}
          window: {size: 10s, allowed-lateness: 1s}
          sample: {every: 50, batch: 20}
        - id: cabinet.temperature
          source: {type: csv, file: data/temp.csv, speed: 0}
          window: {size: 1m, hop: 10s}
      """;

  private static AgentConfig parse(String yaml) {
    return AgentConfigReader.parse(yaml, BASE);
  }

  @Test
  void readsAFullConfiguration() {
    var config = parse(VALID);

    assertThat(config.deviceId().value()).isEqualTo("press-17");
    assertThat(config.mqtt().serverUri()).isEqualTo("tcp://127.0.0.1:1883");
    assertThat(config.mqtt().reconnectMax()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.outboxDirectory()).isEqualTo(BASE.resolve("outbox"));
    assertThat(config.outboxBudgetBytes()).isEqualTo(64L * 1024 * 1024);
    assertThat(config.metricsPort()).isEqualTo(9464);
    var vibration = config.streams().get(0);
    assertThat(vibration.source()).isInstanceOf(SourceConfig.Simulated.class);
    assertThat(((SourceConfig.Simulated) vibration.source()).faults()).hasSize(1);
    assertThat(vibration.filters().get(0).get()).isInstanceOf(HampelFilter.class);
    assertThat(vibration.detectors().get(1).get().kind())
        .isEqualTo(EventKind.EVENT_KIND_RATE_OF_CHANGE);
    assertThat(vibration.detectors().get(2).get().detector().name()).isEqualTo("robust-stat");
    assertThat(vibration.window().sizeMillis()).isEqualTo(10_000);
    assertThat(vibration.sampleEvery()).isEqualTo(50);
    var temperature = config.streams().get(1);
    assertThat(temperature.window().hopMillis()).isEqualTo(10_000);
    assertThat(temperature.window().tumbling()).isFalse();
  }

  @Test
  void misspelledKeyIsNamedWithItsPath() {
    assertThatThrownBy(() -> parse(VALID.replace("budget-mb", "budget-mib")))
        .isInstanceOf(ConfigError.class)
        .hasMessage("outbox.budget-mib: unknown key");
    assertThatThrownBy(() -> parse(VALID.replace("sigmas: 3", "sigma: 3")))
        .hasMessage("streams[0].filters[0].hampel.sigma: unknown key");
  }

  @Test
  void badValuesAreNamedWithTheirPath() {
    assertThatThrownBy(() -> parse(VALID.replace("size: 10s", "size: ten")))
        .hasMessageStartingWith("streams[0].window.size: must be a duration");
    assertThatThrownBy(() -> parse(VALID.replace("rate-hz: 100", "rate-hz: -5")))
        .hasMessageStartingWith("streams[0].source.rate-hz: rate must be in (0, 100000]");
    assertThatThrownBy(() -> parse(VALID.replace("port: 9464", "port: 99999")))
        .hasMessage("metrics.port: must be between -1 and 65535, got 99999");
    assertThatThrownBy(() -> parse(VALID.replace("id: press-17", "id: press/17")))
        .hasMessageStartingWith("device.id:");
    assertThatThrownBy(() -> parse(VALID.replace("tcp://127.0.0.1:1883", "http://broker")))
        .hasMessageStartingWith("mqtt.url: must be tcp://host:port");
    assertThatThrownBy(() -> parse(VALID.replace("type: csv", "type: kafka")))
        .hasMessageStartingWith("streams[1].source.type: must be one of");
    assertThatThrownBy(() -> parse(VALID.replace("hampel:", "kalman:")))
        .hasMessageStartingWith("streams[0].filters[0].kalman: unknown filter");
    assertThatThrownBy(() -> parse(VALID.replace("severity: critical", "severity: dire")))
        .hasMessageStartingWith("streams[0].detectors[0].threshold.severity: must be one of");
  }

  @Test
  void missingRequiredKeyIsNamed() {
    assertThatThrownBy(() -> parse(VALID.replace("  dir: outbox\n", "")))
        .hasMessage("outbox.dir: is required");
  }

  @Test
  void duplicateStreamIdIsRefused() {
    assertThatThrownBy(() -> parse(VALID.replace("cabinet.temperature", "spindle.vibration")))
        .hasMessageContaining("stream id 'spindle.vibration' is used twice");
  }

  @Test
  void brokenYamlIsReported() {
    assertThatThrownBy(() -> parse("device: [unclosed"))
        .hasMessageStartingWith("(file): not valid YAML");
  }
}
