package dev.tandem.mqtt.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.MqttVersion;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How the client is configured, read back from the built client; no broker needed. */
class ReconnectingMqttClientTest {
  private static final ConnectionListener SILENT = new ConnectionListener(() -> {}, cause -> {});

  @Test
  void plainTcpWithoutLoginReconnectsByItself() {
    var settings =
        new MqttClientSettings(
            URI.create("tcp://broker.example:1883"),
            "bridge-1",
            Optional.empty(),
            Optional.empty());

    var built = ReconnectingMqttClient.build(settings, SILENT);
    Mqtt5ClientConfig config = built.client().getConfig();

    assertThat(config.getMqttVersion()).isEqualTo(MqttVersion.MQTT_5_0);
    assertThat(config.getClientIdentifier())
        .hasValueSatisfying(id -> assertThat(id).hasToString("bridge-1"));
    assertThat(config.getServerHost()).isEqualTo("broker.example");
    assertThat(config.getServerPort()).isEqualTo(1883);
    assertThat(config.getSslConfig()).isEmpty();
    assertThat(config.getSimpleAuth()).isEmpty();
    assertThat(config.getAutomaticReconnect())
        .hasValueSatisfying(
            reconnect -> {
              assertThat(reconnect.getInitialDelay(TimeUnit.MILLISECONDS)).isEqualTo(100);
              assertThat(reconnect.getMaxDelay(TimeUnit.SECONDS)).isEqualTo(5);
            });
    assertThat(built.isConnected()).isFalse();
  }

  @Test
  void sslUrlMeansTlsAndAUsernameMeansALogin() {
    var settings =
        new MqttClientSettings(
            URI.create("ssl://broker.example:8883"),
            "tandem-cloud-registry",
            Optional.of("registry"),
            Optional.of("s3cret"));

    Mqtt5ClientConfig config = ReconnectingMqttClient.build(settings, SILENT).client().getConfig();

    assertThat(config.getServerPort()).isEqualTo(8883);
    assertThat(config.getSslConfig()).isPresent();
    var auth = config.getSimpleAuth().orElseThrow();
    assertThat(auth.getUsername()).hasValueSatisfying(u -> assertThat(u).hasToString("registry"));
    assertThat(auth.getPassword())
        .hasValueSatisfying(
            p -> assertThat(StandardCharsets.UTF_8.decode(p).toString()).isEqualTo("s3cret"));
  }

  @Test
  void aUsernameWithoutPasswordLogsInWithAnEmptyOne() {
    var settings =
        new MqttClientSettings(
            URI.create("tcp://broker.example:1883"), "c", Optional.of("device"), Optional.empty());

    var auth = ReconnectingMqttClient.build(settings, SILENT).client().getConfig().getSimpleAuth();

    assertThat(auth)
        .hasValueSatisfying(
            a ->
                assertThat(a.getPassword())
                    .hasValueSatisfying(p -> assertThat(p.remaining()).isZero()));
  }

  @Test
  void settingsRefuseUrlsTheClientCannotUse() {
    for (String url : new String[] {"ws://broker.example:80", "tcp://broker.example", "tcp:///"}) {
      assertThatThrownBy(
              () ->
                  new MqttClientSettings(URI.create(url), "c", Optional.empty(), Optional.empty()))
          .as(url)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void settingsNeverShowThePassword() {
    var settings =
        new MqttClientSettings(
            URI.create("tcp://broker.example:1883"), "c", Optional.of("u"), Optional.of("s3cret"));

    assertThat(settings.toString()).doesNotContain("s3cret");
  }
}
