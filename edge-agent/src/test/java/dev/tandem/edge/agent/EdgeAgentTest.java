package dev.tandem.edge.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.tandem.edge.uplink.LinkState;
import dev.tandem.protocol.message.MessageCodec;
import dev.tandem.protocol.topic.Topic;
import dev.tandem.protocol.topic.TopicKind;
import dev.tandem.protocol.topic.Topics;
import dev.tandem.protocol.v1.DeviceStateReport;
import dev.tandem.protocol.v1.Event;
import dev.tandem.protocol.v1.WindowSummary;
import dev.tandem.servers.MqttEndpoint;
import dev.tandem.testkit.MqttTestClient;
import dev.tandem.testkit.TcpProxy;
import dev.tandem.testkit.WithRealServers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real agent against a real MQTT 5 broker. */
@WithRealServers
class EdgeAgentTest {
  @TempDir Path dir;

  @Test
  void summariesEventsAndStateReachTheBrokerWithIncreasingSequenceNumbers(MqttEndpoint mqtt)
      throws Exception {
    String device = "agent-" + UUID.randomUUID().toString().substring(0, 8);
    Path csv = AgentScenario.csv(dir, "a.csv", 1_000);
    try (var listener = MqttTestClient.connect(mqtt, "listen-" + device)) {
      listener.subscribe("fleet/" + device + "/#", 1);
      var agent =
          EdgeAgent.start(
              AgentScenario.config(dir, device, mqtt.serverUri(), csv),
              dir,
              InstantSource.system());
      try {
        AgentScenario.await(
            "csv replayed and drained",
            Duration.ofSeconds(30),
            () -> agent.streamsFinished() && agent.outbox().stats().depth() == 0);
        assertThat(agent.uplink().state()).isEqualTo(LinkState.ONLINE);
      } finally {
        agent.close();
      }
      var received = AgentScenario.collect(listener, Duration.ofSeconds(2));

      List<WindowSummary> summaries = new ArrayList<>();
      List<Event> events = new ArrayList<>();
      List<DeviceStateReport> states = new ArrayList<>();
      List<Long> sequences = new ArrayList<>();
      for (var message : received) {
        Topic topic = Topics.parse(message.topic());
        assertThat(topic.deviceId().value()).isEqualTo(device);
        var decoded =
            MessageCodec.forKind(topic.kind()).decode(message.payload(), topic.deviceId());
        switch (topic.kind()) {
          case TELEMETRY -> summaries.add((WindowSummary) decoded);
          case EVENTS -> events.add((Event) decoded);
          case STATE -> states.add((DeviceStateReport) decoded);
          default -> throw new AssertionError("unexpected topic " + message.topic());
        }
      }
      summaries.forEach(s -> sequences.add(s.getHeader().getSequence()));
      events.forEach(e -> sequences.add(e.getHeader().getSequence()));

      assertThat(summaries).hasSize(100); // 1000 s of readings in 10 s windows
      assertThat(summaries.stream().mapToLong(WindowSummary::getCount).sum()).isEqualTo(1_000);
      assertThat(summaries.get(0).getP50()).isBetween(20.0, 23.0);
      assertThat(events).hasSize(5); // a spike every 200 rows
      assertThat(events.get(0).getContextCount()).isEqualTo(32 + 8); // before and after it
      assertThat(events.get(0).getContext(31).getValue()).isEqualTo(150);
      assertThat(events.get(0).getContext(31).getTimestampMs())
          .isEqualTo(events.get(0).getOccurredAtMs());
      assertThat(sequences).doesNotHaveDuplicates();
      assertThat(states).isNotEmpty();
      assertThat(states.get(states.size() - 1).getCountersMap())
          .containsEntry("readings_in", 1_000L);
    }
  }

  @Test
  void offlineThenReconnectDeliversEveryMessageExactlyOnceAfterDedupInOrderPerStream(
      MqttEndpoint mqtt) throws Exception {
    String device = "offline-" + UUID.randomUUID().toString().substring(0, 8);
    Path first = AgentScenario.csv(dir, "x.csv", 3_000);
    Path second = AgentScenario.csv(dir, "y.csv", 2_000);
    try (var link = TcpProxy.cutTo(mqtt.uri().getHost(), mqtt.uri().getPort());
        var listener = MqttTestClient.connect(mqtt, "listen-" + device)) {
      listener.subscribe("fleet/" + device + "/#", 1);
      var config =
          AgentScenario.config(dir, device, "tcp://127.0.0.1:" + link.port(), first, second);
      var agent = EdgeAgent.start(config, dir, InstantSource.system());
      try {
        AgentScenario.await(
            "replay into the outbox while offline", Duration.ofSeconds(30), agent::streamsFinished);
        assertThat(agent.uplink().state()).isNotEqualTo(LinkState.ONLINE);
        assertThat(agent.outbox().stats().depth()).isGreaterThanOrEqualTo(500 + 10);

        link.restore(); // the network is back
        AgentScenario.await(
            "reconnect and drain",
            Duration.ofSeconds(60),
            () -> agent.outbox().stats().depth() == 0);
        var received = AgentScenario.collect(listener, Duration.ofSeconds(2));

        Map<Long, WindowSummary> bySequence = new TreeMap<>();
        Map<String, List<Long>> windowStartsPerStream = new HashMap<>();
        for (var message : received) {
          if (Topics.parse(message.topic()).kind() != TopicKind.TELEMETRY) {
            continue;
          }
          WindowSummary summary = parse(message.payload());
          if (bySequence.putIfAbsent(summary.getHeader().getSequence(), summary) == null) {
            windowStartsPerStream
                .computeIfAbsent(summary.getStreamId(), s -> new ArrayList<>())
                .add(summary.getWindowStartMs());
          }
        }
        assertThat(bySequence).hasSize(300 + 200);
        assertThat(windowStartsPerStream.get("s0")).hasSize(300).isSorted();
        assertThat(windowStartsPerStream.get("s1")).hasSize(200).isSorted();
        assertThat(agent.uplink().connects()).isEqualTo(1);
      } finally {
        agent.close();
      }
    }
  }

  @Test
  void aLinkCutMidStreamLosesNothing(MqttEndpoint mqtt) throws Exception {
    String device = "cut-" + UUID.randomUUID().toString().substring(0, 8);
    Path csv = AgentScenario.csv(dir, "z.csv", 12_000); // 1,200 summaries over about 6 s
    try (var link = TcpProxy.cutTo(mqtt.uri().getHost(), mqtt.uri().getPort());
        var listener = MqttTestClient.connect(mqtt, "listen-" + device)) {
      listener.subscribe("fleet/" + device + "/telemetry", 1);
      link.restore();
      var agent =
          EdgeAgent.start(
              AgentScenario.config(dir, device, "tcp://127.0.0.1:" + link.port(), csv),
              dir,
              InstantSource.system());
      try {
        AgentScenario.await(
            "online", Duration.ofSeconds(30), () -> agent.uplink().state() == LinkState.ONLINE);
        for (int cut = 0; cut < 4; cut++) { // cut the link four times while the replay is sending
          Thread.sleep(400);
          link.cut();
          Thread.sleep(300);
          link.restore();
        }
        AgentScenario.await(
            "drained",
            Duration.ofSeconds(60),
            () -> agent.streamsFinished() && agent.outbox().stats().depth() == 0);
        var sequences = new java.util.TreeSet<Long>();
        for (var message : AgentScenario.collect(listener, Duration.ofSeconds(2))) {
          sequences.add(parse(message.payload()).getHeader().getSequence());
        }
        assertThat(sequences).hasSize(1_200);
        assertThat(agent.uplink().connects()).as("reconnects after cuts").isGreaterThanOrEqualTo(2);
      } finally {
        agent.close();
      }
    }
  }

  private static WindowSummary parse(byte[] payload) throws InvalidProtocolBufferException {
    return WindowSummary.parseFrom(payload);
  }
}
