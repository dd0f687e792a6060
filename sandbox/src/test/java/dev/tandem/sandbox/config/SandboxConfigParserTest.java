package dev.tandem.sandbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.servers.stack.EmbeddedPorts;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxConfigParserTest {
  private static final Path DEFAULT_DIR = Path.of("/tmp/tandem-default");

  private static SandboxConfig parse(Map<String, String> values) {
    return SandboxConfigParser.parse(values, DEFAULT_DIR, EmbeddedPorts.SANDBOX, true);
  }

  @Test
  void defaultsEmbedEverythingOnTheSandboxPorts() {
    var config = parse(Map.of());

    assertThat(config.dataDir()).isEqualTo(DEFAULT_DIR);
    assertThat(config.stack().ports()).isEqualTo(EmbeddedPorts.SANDBOX);
    assertThat(config.stack().externalKafka()).isEmpty();
    assertThat(config.stack().s3Credentials()).isEqualTo(SandboxConfigParser.DEFAULT_S3);
    assertThat(config.stack().persistent()).isTrue();
  }

  @Test
  void portsAndExternalServersAreTakenFromTheirKeys() {
    var config =
        parse(
            Map.of(
                "mqtt.port", "2883",
                "kafka.external", "10.0.0.5:9092",
                "postgres.external", "jdbc:postgresql://db.local:5433/tandem?user=app&password=pw",
                "s3.external", "https://s3.example.com",
                "s3.access-key", "AKIA123",
                "s3.secret-key", "verysecretkey"));

    assertThat(config.stack().ports().mqtt()).isEqualTo(2883);
    assertThat(config.stack().externalKafka().orElseThrow().bootstrapServers())
        .isEqualTo("10.0.0.5:9092");
    var postgres = config.stack().externalPostgres().orElseThrow();
    assertThat(postgres.host()).isEqualTo("db.local");
    assertThat(postgres.port()).isEqualTo(5433);
    assertThat(postgres.user()).isEqualTo("app");
    assertThat(postgres.password()).isEqualTo("pw");
    assertThat(config.stack().externalS3().orElseThrow().accessKey()).isEqualTo("AKIA123");
  }

  @Test
  void theSandboxRunsASmallFleetUnlessToldOtherwise() {
    assertThat(parse(Map.of()).fleetDevices()).isEqualTo(SandboxConfig.SANDBOX_FLEET_DEVICES);
    assertThat(parse(Map.of("fleet.devices", "0")).fleetDevices()).isZero();
    assertThatThrownBy(() -> parse(Map.of("fleet.devices", "many")))
        .hasMessage("fleet.devices: 'many' is not a whole number");
  }

  @Test
  void unknownKeyIsNamed() {
    assertThatThrownBy(() -> parse(Map.of("kafka.prot", "1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("unknown configuration key 'kafka.prot'")
        .hasMessageContaining("kafka.port");
  }

  @Test
  void nonNumericPortIsNamed() {
    assertThatThrownBy(() -> parse(Map.of("s3.port", "abc")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("s3.port: 'abc' is not a port number");
  }

  @Test
  void outOfRangePortIsNamed() {
    assertThatThrownBy(() -> parse(Map.of("postgres.port", "70000")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("postgres.port: 70000 is out of range");
  }

  @Test
  void malformedExternalUrlIsNamed() {
    assertThatThrownBy(() -> parse(Map.of("mqtt.external", "http://broker:1883")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("mqtt.external: 'http://broker:1883' is invalid");
    assertThatThrownBy(() -> parse(Map.of("kafka.external", "broker")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("kafka.external: 'broker' is invalid");
  }

  @Test
  void emptyValueIsNamed() {
    assertThatThrownBy(() -> parse(Map.of("data.dir", " ")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("data.dir: value is empty");
  }

  @Test
  void tooShortSecretIsNamed() {
    assertThatThrownBy(() -> parse(Map.of("s3.secret-key", "short")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("s3.secret-key:");
  }
}
