package dev.tandem.ingest.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.config.ConfigError;
import dev.tandem.protocol.stream.FleetStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IngestConfigReaderTest {
  private static final String MINIMAL =
      """
      kafka:
        bootstrap-servers: 127.0.0.1:9092
      bridge:
        mqtt:
          url: tcp://127.0.0.1:1883
          client-id: ingest-a
      """;

  @Test
  void minimalBridgeTakesTheDefaults() {
    IngestConfig config = IngestConfigReader.parse(MINIMAL);
    var bridge = config.bridge().orElseThrow();
    assertThat(bridge.mqtt().shareGroup()).isEqualTo("tandem-ingest");
    assertThat(bridge.mqtt().connections()).isEqualTo(8);
    assertThat(bridge.mqtt().clientId(0)).isEqualTo("ingest-a-1");
    assertThat(bridge.streams()).containsExactlyInAnyOrder(FleetStream.values());
    assertThat(config.lake()).isEmpty();
    assertThat(config.opsPort()).isEqualTo(9464);
  }

  @Test
  void readsTheLakeSection() {
    IngestConfig config =
        IngestConfigReader.parse(
            MINIMAL
                + """
                lake:
                  s3: {url: http://127.0.0.1:9000, access-key: k, secret-key: s}
                  bucket: my-lake
                  flush: {max-age: 30s}
                  datasets: [telemetry]
                """);
    var lake = config.lake().orElseThrow();
    assertThat(lake.config().bucket()).isEqualTo("my-lake");
    assertThat(lake.config().flushMaxAge()).isEqualTo(Duration.ofSeconds(30));
    assertThat(lake.config().datasets()).containsExactly("telemetry");
    assertThat(lake.config().bootstrapServers()).isEqualTo("127.0.0.1:9092");
  }

  @Test
  void errorsNameTheKey() {
    assertError(MINIMAL.replace("tcp://", "http://"), "bridge.mqtt: url must be tcp://");
    assertError(MINIMAL + "    receive-maximum: 0\n", "bridge.mqtt.receive-maximum: ");
    assertError(MINIMAL + "    recieve-maximum: 10\n", "bridge.mqtt.recieve-maximum: unknown key");
    assertError(MINIMAL + "  streams: [telemetry, bogus]\n", "bridge.streams[1]: ");
    assertError(MINIMAL.replace("127.0.0.1:9092", "localhost"), "kafka: bootstrap-servers must be");
    assertError(MINIMAL + "kafka2: {}\n", "kafka2: unknown key");
    assertError(
        MINIMAL + "  validation: {max-payload-bytes: 99999999}\n",
        "bridge.validation.max-payload-bytes: ");
    assertError(
        "kafka:\n  bootstrap-servers: 127.0.0.1:9092\n", "(file): needs a 'bridge' section");
    assertError(
        MINIMAL.replace("9092\n", "9092\n  producer: {acks: '1'}\n"),
        "kafka: producer.acks cannot be overridden");
  }

  private static void assertError(String yaml, String start) {
    assertThatThrownBy(() -> IngestConfigReader.parse(yaml))
        .isInstanceOf(ConfigError.class)
        .hasMessageStartingWith(start);
  }
}
