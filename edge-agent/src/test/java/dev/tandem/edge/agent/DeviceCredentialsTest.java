package dev.tandem.edge.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.edge.uplink.LinkState;
import dev.tandem.servers.mqtt.EmbeddedMqttBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-device credentials against a broker that checks them. */
class DeviceCredentialsTest {
  @TempDir Path dir;

  @Test
  void deviceWithItsCredentialsConnectsAndOneWithAWrongPasswordStaysOutKeepingItsData()
      throws Exception {
    try (var broker =
        EmbeddedMqttBroker.start(
            dir.resolve("broker"),
            0,
            false,
            null,
            Map.of("press-17", "s3cret", "press-18", "other"))) {
      Path csv = AgentScenario.csv(dir, "c.csv", 200);
      String url = broker.endpoint().serverUri();
      var good =
          EdgeAgent.start(
              AgentScenario.oneCsvStream(dir, "press-17", mqtt(url, "press-17", "s3cret"), csv),
              dir,
              InstantSource.system());
      var bad =
          EdgeAgent.start(
              AgentScenario.oneCsvStream(dir, "press-18", mqtt(url, "press-18", "guess"), csv),
              dir,
              InstantSource.system());
      try {
        AgentScenario.await(
            "authenticated agent drained",
            Duration.ofSeconds(30),
            () -> good.streamsFinished() && good.outbox().stats().depth() == 0);
        assertThat(good.uplink().connects()).isGreaterThanOrEqualTo(1);

        assertThat(bad.uplink().state()).isNotEqualTo(LinkState.ONLINE);
        assertThat(bad.uplink().connects()).isZero();
        assertThat(bad.outbox().stats().depth())
            .as("kept until the credentials are fixed")
            .isGreaterThanOrEqualTo(20);
      } finally {
        good.close();
        bad.close();
      }
    }
  }

  private static String mqtt(String url, String user, String password) {
    return "{url: '%s', username: %s, password: %s, reconnect-initial: 100ms, reconnect-max: 500ms}"
        .formatted(url, user, password);
  }
}
