package dev.tandem.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestServerSettingsTest {
  private static final Path DIR = Path.of("/tmp/unused");

  @Test
  void noVariablesMeansEverythingEmbedded() {
    var spec = TestServerSettings.fromEnvironment(Map.of(), DIR);

    assertThat(spec.externalKafka()).isEmpty();
    assertThat(spec.externalMqtt()).isEmpty();
    assertThat(spec.externalS3()).isEmpty();
    assertThat(spec.externalPostgres()).isEmpty();
  }

  @Test
  void variablesNameExternalServers() {
    var spec =
        TestServerSettings.fromEnvironment(
            Map.of(
                TestServerSettings.MQTT, "tcp://127.0.0.1:1883",
                TestServerSettings.POSTGRES, "jdbc:postgresql://127.0.0.1:5432/test?user=postgres",
                TestServerSettings.KAFKA, "127.0.0.1:9092"),
            DIR);

    assertThat(spec.externalMqtt().orElseThrow().serverUri()).isEqualTo("tcp://127.0.0.1:1883");
    assertThat(spec.externalPostgres().orElseThrow().database()).isEqualTo("test");
    assertThat(spec.externalKafka().orElseThrow().bootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(spec.externalS3()).isEmpty();
  }

  @Test
  void malformedValueNamesTheVariable() {
    assertThatThrownBy(
            () ->
                TestServerSettings.fromEnvironment(
                    Map.of(TestServerSettings.MQTT, "http://x"), DIR))
        .hasMessageStartingWith("TANDEM_TEST_MQTT='http://x'");
    assertThatThrownBy(
            () ->
                TestServerSettings.fromEnvironment(
                    Map.of(TestServerSettings.POSTGRES, "postgres://h/db"), DIR))
        .hasMessageStartingWith("TANDEM_TEST_POSTGRES=");
  }

  @Test
  void externalS3WithoutKeysIsRefused() {
    assertThatThrownBy(
            () ->
                TestServerSettings.fromEnvironment(
                    Map.of(TestServerSettings.S3, "http://127.0.0.1:9000"), DIR))
        .hasMessageContaining("TANDEM_TEST_S3_ACCESS_KEY must be set");
  }
}
