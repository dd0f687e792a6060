package dev.tandem.ingest.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ingest.testing.FastPublisher;
import dev.tandem.ingest.testing.FleetMessages;
import dev.tandem.ingest.testing.KafkaRecords;
import dev.tandem.ingest.validate.Verdict;
import dev.tandem.protocol.stream.FleetStream;
import dev.tandem.protocol.stream.RecordHeaderNames;
import dev.tandem.servers.KafkaEndpoint;
import dev.tandem.servers.MqttEndpoint;
import dev.tandem.testkit.MqttTestClient;
import dev.tandem.testkit.WithRealServers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@WithRealServers
class BridgeTest {

  @Test
  void forwardsValidMessagesKeyedByDeviceWithHeaders(KafkaEndpoint kafka, MqttEndpoint mqtt)
      throws Exception {
    String device = "bridge-ok-" + UUID.randomUUID().toString().substring(0, 8);
    try (Bridge bridge = Bridges.start(kafka, mqtt, "ok");
        MqttTestClient publisher = MqttTestClient.connect(mqtt, device)) {
      for (long seq = 1; seq <= 20; seq++) {
        publisher.publish(
            "fleet/" + device + "/telemetry", FleetMessages.summary(device, seq), 1, false);
      }
      publisher.publish("fleet/" + device + "/events", FleetMessages.event(device, 21), 1, false);

      List<ConsumerRecord<byte[], byte[]>> summaries =
          KafkaRecords.read(
              kafka,
              FleetStream.TELEMETRY.kafkaTopic(),
              r -> device.equals(KafkaRecords.key(r)),
              20,
              Duration.ofSeconds(20),
              Duration.ofMillis(300));
      assertThat(summaries).hasSize(20);
      assertThat(summaries)
          .as("every sequence; in any order, since a shared group spreads one device's messages")
          .extracting(r -> KafkaRecords.header(r, RecordHeaderNames.SEQUENCE))
          .containsExactlyInAnyOrder(
              "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
              "17", "18", "19", "20");
      ConsumerRecord<byte[], byte[]> first =
          summaries.stream()
              .filter(r -> "1".equals(KafkaRecords.header(r, RecordHeaderNames.SEQUENCE)))
              .findFirst()
              .orElseThrow();
      assertThat(KafkaRecords.header(first, RecordHeaderNames.DEVICE_ID)).isEqualTo(device);
      assertThat(KafkaRecords.header(first, RecordHeaderNames.SCHEMA_VERSION)).isEqualTo("1");
      assertThat(KafkaRecords.header(first, RecordHeaderNames.MQTT_TOPIC))
          .isEqualTo("fleet/" + device + "/telemetry");
      assertThat(first.value()).isEqualTo(FleetMessages.summary(device, 1, parseTimestamp(first)));

      List<ConsumerRecord<byte[], byte[]>> events =
          KafkaRecords.read(
              kafka,
              FleetStream.EVENTS.kafkaTopic(),
              r -> device.equals(KafkaRecords.key(r)),
              1,
              Duration.ofSeconds(20),
              Duration.ofMillis(300));
      assertThat(events).hasSize(1);
      assertThat(bridge.inFlight()).isZero();
    }
  }

  @Test
  void deadLettersInvalidMessagesWithReasonAndOriginalBytes(KafkaEndpoint kafka, MqttEndpoint mqtt)
      throws Exception {
    String device = "bridge-bad-" + UUID.randomUUID().toString().substring(0, 8);
    String other = device + "-other";
    byte[] garbage = {1, 2, 3, (byte) 0xFF, 0x7F};
    try (Bridge bridge = Bridges.start(kafka, mqtt, "bad");
        MqttTestClient publisher = MqttTestClient.connect(mqtt, device)) {
      publisher.publish("fleet/" + device + "/telemetry", garbage, 1, false);
      publisher.publish(
          "fleet/" + device + "/telemetry", FleetMessages.summary(other, 1), 1, false);
      publisher.publish(
          "fleet/" + device + "/telemetry", FleetMessages.summary(device, 2, 0), 1, false);
      long anHourAhead = System.currentTimeMillis() + 3_600_000;
      publisher.publish(
          "fleet/" + device + "/telemetry",
          FleetMessages.summary(device, 4, anHourAhead),
          1,
          false);
      publisher.publish(
          "fleet/" + device + "/telemetry", FleetMessages.summary(device, 3), 1, false);

      List<ConsumerRecord<byte[], byte[]>> letters =
          KafkaRecords.read(
              kafka,
              FleetStream.DEAD_LETTER_TOPIC,
              r -> KafkaRecords.key(r).startsWith("fleet/" + device + "/"),
              4,
              Duration.ofSeconds(20),
              Duration.ofMillis(300));
      assertThat(letters)
          .extracting(r -> KafkaRecords.header(r, RecordHeaderNames.DEAD_LETTER_REASON))
          .containsExactlyInAnyOrder(
              "MALFORMED_PAYLOAD",
              "DEVICE_ID_MISMATCH",
              "INVALID_HEADER",
              "TIMESTAMP_OUT_OF_RANGE");
      assertThat(letters.get(0).value()).isEqualTo(garbage);
      assertThat(letters)
          .allSatisfy(
              r ->
                  assertThat(KafkaRecords.header(r, RecordHeaderNames.DEAD_LETTER_DETAIL))
                      .isNotBlank());

      List<ConsumerRecord<byte[], byte[]>> valid =
          KafkaRecords.read(
              kafka,
              FleetStream.TELEMETRY.kafkaTopic(),
              r -> KafkaRecords.key(r).startsWith(device),
              1,
              Duration.ofSeconds(20),
              Duration.ofMillis(300));
      assertThat(valid)
          .as("only the valid message reaches the stream")
          .as("every sequence; in any order, since a shared group spreads one device's messages")
          .extracting(r -> KafkaRecords.header(r, RecordHeaderNames.SEQUENCE))
          .containsExactlyInAnyOrder("3");
    }
  }

  /**
   * Two instances in one share group: every message is forwarded by one of them, and when the
   * instance that carried the traffic stops, the other carries all of it. How a broker spreads a
   * group's messages while both run is its own policy (Mosquitto round-robins; HiveMQ CE may keep a
   * busy member), so the test asserts membership and completeness, not a ratio.
   */
  @Test
  void twoInstancesInOneGroupShareTheTrafficAndLoseNone(KafkaEndpoint kafka, MqttEndpoint mqtt)
      throws Exception {
    String run = "split-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Set<String>> byInstance = new ConcurrentHashMap<>();
    Bridge a =
        Bridges.start(kafka, mqtt, run, "a", recordInto(byInstance, "a"), 100, Duration.ZERO);
    Bridge b =
        Bridges.start(kafka, mqtt, run, "b", recordInto(byInstance, "b"), 100, Duration.ZERO);
    try {
      publish(mqtt, run, 1, 500);
      awaitForwarded(byInstance, 500);
      assertThat(total(byInstance)).as("first 500, forwarded by one of the two").isEqualTo(500);

      boolean aCarried = byInstance.get("a").size() >= byInstance.get("b").size();
      Bridge carrier = aCarried ? a : b;
      String other = aCarried ? "b" : "a";
      int before = byInstance.get(other).size();
      carrier.close();
      publish(mqtt, run, 501, 1000);
      awaitForwarded(byInstance, 1000);
      assertThat(total(byInstance)).as("all 1000 forwarded").isEqualTo(1000);
      assertThat(byInstance.get(other).size() - before)
          .as("instance %s took over the group's traffic", other)
          .isGreaterThanOrEqualTo(500);
    } finally {
      a.close();
      b.close();
    }
  }

  private static void publish(MqttEndpoint mqtt, String run, int from, int to) throws Exception {
    // Devices, like a fleet: each on its own connection.
    List<FastPublisher> devices = new ArrayList<>();
    for (int d = 0; d < 10; d++) {
      devices.add(new FastPublisher(mqtt, run + "-pub-" + from + "-" + d, 50));
    }
    for (int i = from; i <= to; i++) {
      int d = i % devices.size();
      String device = run + "-" + d;
      devices.get(d).publish("fleet/" + device + "/telemetry", FleetMessages.summary(device, i));
    }
    for (FastPublisher device : devices) {
      device.awaitAcknowledged(50);
      device.close();
    }
  }

  private static void awaitForwarded(Map<String, Set<String>> byInstance, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (total(byInstance) < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  @Test
  void aStoppedBridgeDrainsAndItsSuccessorGetsTheRest(KafkaEndpoint kafka, MqttEndpoint mqtt)
      throws Exception {
    String run = "drain-" + UUID.randomUUID().toString().substring(0, 8);
    int messages = 2000;
    Set<String> forwarded = ConcurrentHashMap.newKeySet();
    BridgeListener listener =
        new BridgeListener() {
          @Override
          public void forwarded(Verdict.Accepted verdict, String mqttTopic) {
            forwarded.add(verdict.header().getDeviceId() + "#" + verdict.header().getSequence());
          }
        };
    Bridge first = Bridges.start(kafka, mqtt, run, "same", listener, 100, Duration.ofMinutes(2));
    try (FastPublisher publisher = new FastPublisher(mqtt, run + "-publisher", 500)) {
      for (int i = 1; i <= messages; i++) {
        String device = run + "-" + (i % 10);
        publisher.publish("fleet/" + device + "/telemetry", FleetMessages.summary(device, i));
        if (i == messages / 4) {
          first.close(); // mid-stream: drains what it holds, leaves the rest in its sessions
        }
      }
      publisher.awaitAcknowledged(500);
    }
    assertThat(first.inFlight()).as("nothing left in flight after the drain").isZero();
    try (Bridge successor =
        Bridges.start(kafka, mqtt, run, "same", listener, 100, Duration.ofMinutes(2))) {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (forwarded.size() < messages && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    }
    assertThat(forwarded)
        .as("every message, by the first bridge or its successor")
        .hasSize(messages);
  }

  private static BridgeListener recordInto(Map<String, Set<String>> byInstance, String instance) {
    Set<String> seen = byInstance.computeIfAbsent(instance, k -> ConcurrentHashMap.newKeySet());
    return new BridgeListener() {
      @Override
      public void forwarded(Verdict.Accepted verdict, String mqttTopic) {
        seen.add(verdict.header().getDeviceId() + "#" + verdict.header().getSequence());
      }
    };
  }

  private static int total(Map<String, Set<String>> byInstance) {
    Set<String> union = new HashSet<>();
    byInstance.values().forEach(union::addAll);
    return union.size();
  }

  private static long parseTimestamp(ConsumerRecord<byte[], byte[]> record) throws Exception {
    return dev.tandem.protocol.v1.WindowSummary.parseFrom(record.value())
        .getHeader()
        .getTimestampMs();
  }

  /** Bridges for tests: each test its own share group and client ids on the shared servers. */
  static final class Bridges {
    static Bridge start(KafkaEndpoint kafka, MqttEndpoint mqtt, String name) {
      String suffix = name + "-" + UUID.randomUUID().toString().substring(0, 8);
      return start(
          kafka, mqtt, "group-" + suffix, suffix, BridgeListener.NONE, 500, Duration.ofMinutes(2));
    }

    /** A bridge in share group {@code group} with client id {@code bridge-<group>-<instance>}. */
    static Bridge start(
        KafkaEndpoint kafka,
        MqttEndpoint mqtt,
        String group,
        String instance,
        BridgeListener listener,
        int receiveMaximum,
        Duration sessionExpiry) {
      MqttSettings settings =
          new MqttSettings(
              mqtt.uri(),
              "bridge-" + group + "-" + instance,
              group,
              Optional.empty(),
              Optional.empty(),
              receiveMaximum,
              sessionExpiry,
              2);
      return Bridge.start(
          BridgeConfig.of(settings, KafkaSettings.of(kafka.bootstrapServers())),
          new SimpleMeterRegistry(),
          listener);
    }
  }
}
