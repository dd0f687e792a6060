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
              AgentScenario.parse(dir, yaml("press-17", "s3cret", url, csv)),
              dir,
              InstantSource.system());
      var bad =
          EdgeAgent.start(
              AgentScenario.parse(dir, yaml("press-18", "guess", url, csv)),
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

  private static String yaml(String device, String password, String url, Path csv) {
    return """
        device: {id: %s}
        mqtt: {url: '%s', username: %s, password: %s, reconnect-initial: 100ms, reconnect-max: 500ms}
        outbox: {dir: outbox-%s}
        state-interval: 1h
        streams:
          - id: s0
            source: {type: csv, file: '%s', speed: 0}
            window: {size: 10s, allowed-lateness: 0s}
        """
        .formatted(device, url, device, password, device, csv);
  }
}
