package dev.tandem.mqtt.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.servers.MqttEndpoint;
import dev.tandem.testkit.TcpProxy;
import dev.tandem.testkit.WithRealServers;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The connected flag and the callbacks against a real broker, reached through a cuttable link. */
@WithRealServers
class ReconnectingMqttClientBrokerTest {
  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
  private final ConnectionListener recorder =
      new ConnectionListener(() -> events.add("connected"), cause -> events.add("lost"));

  @Test
  void reportsAnUnexpectedLossAndTheReconnectButNotItsOwnDisconnect(MqttEndpoint mqtt)
      throws Exception {
    try (var link = TcpProxy.cutTo(mqtt.uri().getHost(), mqtt.uri().getPort())) {
      link.restore();
      var built = ReconnectingMqttClient.build(settings(mqtt, link.port()), recorder);

      built.client().connectWith().cleanStart(true).send().get(30, TimeUnit.SECONDS);
      assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("connected");
      assertThat(built.isConnected()).isTrue();

      link.cut();
      assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("lost");
      assertThat(built.isConnected()).isFalse();

      link.restore();
      assertThat(events.poll(30, TimeUnit.SECONDS)).isEqualTo("connected");
      assertThat(built.isConnected()).isTrue();

      built.client().disconnect().get(10, TimeUnit.SECONDS);
      // The disconnected listener may run just after the disconnect future completes.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (built.isConnected() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(built.isConnected()).isFalse();
      assertThat(events.poll(1, TimeUnit.SECONDS)).as("no news of its own disconnect").isNull();
    }
  }

  private static MqttClientSettings settings(MqttEndpoint mqtt, int port) {
    var login = mqtt.serviceLogin();
    return new MqttClientSettings(
        URI.create("tcp://" + mqtt.uri().getHost() + ":" + port),
        "reconnecting-client-test",
        login.map(MqttEndpoint.Login::username),
        login.map(MqttEndpoint.Login::password));
  }
}
