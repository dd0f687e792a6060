package dev.tandem.edge.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.v1.DeviceStateReport;
import dev.tandem.protocol.v1.LinkState;
import dev.tandem.servers.MqttEndpoint;
import dev.tandem.testkit.MqttTestClient;
import dev.tandem.testkit.WithRealServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real agent process killed with SIGKILL: the broker tells the fleet through its last will. */
@WithRealServers
class LastWillTest {
  @TempDir Path dir;

  @Test
  void killedAgentLeavesARetainedOfflineStateBehind(MqttEndpoint mqtt) throws Exception {
    String device = "will-" + UUID.randomUUID().toString().substring(0, 8);
    Path config = dir.resolve("agent.yaml");
    Files.writeString(
        config,
        """
        device: {id: %s}
        mqtt: {url: '%s', keep-alive: 5s}
        outbox: {dir: outbox}
        state-interval: 1s
        streams:
          - id: t
            source: {type: simulated, profile: temperature, rate-hz: 10, seed: 1}
            window: {size: 1s, allowed-lateness: 0s}
        """
            .formatted(device, mqtt.serverUri()));
    String stateTopic = "fleet/" + device + "/state";
    Process agent =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                AgentMain.class.getName(),
                config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("agent.log").toFile())
            .start();
    try (var listener = MqttTestClient.connect(mqtt, "will-listener-" + device)) {
      listener.subscribe(stateTopic, 1);
      assertThat(awaitState(listener, LinkState.LINK_STATE_ONLINE))
          .as("agent came online")
          .isTrue();

      agent.destroyForcibly(); // SIGKILL: no DISCONNECT packet, no shutdown hook
      assertThat(agent.waitFor(10, TimeUnit.SECONDS)).isTrue();

      assertThat(awaitState(listener, LinkState.LINK_STATE_OFFLINE))
          .as("last will published")
          .isTrue();
    } finally {
      agent.destroyForcibly();
    }
    try (var late = MqttTestClient.connect(mqtt, "will-late-" + device)) {
      late.subscribe(stateTopic, 1);
      var retained = late.next(Duration.ofSeconds(10));
      assertThat(retained).isNotNull();
      assertThat(retained.retained()).isTrue();
      assertThat(DeviceStateReport.parseFrom(retained.payload()).getLinkState())
          .isEqualTo(LinkState.LINK_STATE_OFFLINE);
    }
  }

  private static boolean awaitState(MqttTestClient listener, LinkState wanted) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      var message = listener.next(Duration.ofSeconds(1));
      if (message != null
          && DeviceStateReport.parseFrom(message.payload()).getLinkState() == wanted) {
        return true;
      }
    }
    return false;
  }
}
