package dev.tandem.ingest.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ingest.testing.FleetMessages;
import dev.tandem.ingest.testing.KafkaRecords;
import dev.tandem.protocol.stream.FleetStream;
import dev.tandem.protocol.stream.RecordHeaderNames;
import dev.tandem.servers.KafkaEndpoint;
import dev.tandem.servers.MqttEndpoint;
import dev.tandem.testkit.MqttTestClient;
import dev.tandem.testkit.WithRealServers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
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
          .extracting(r -> KafkaRecords.header(r, RecordHeaderNames.SEQUENCE))
          .containsExactly(
              "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
              "17", "18", "19", "20");
      ConsumerRecord<byte[], byte[]> first = summaries.get(0);
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
          .extracting(r -> KafkaRecords.header(r, RecordHeaderNames.SEQUENCE))
          .containsExactly("3");
    }
  }

  private static long parseTimestamp(ConsumerRecord<byte[], byte[]> record) throws Exception {
    return dev.tandem.protocol.v1.WindowSummary.parseFrom(record.value())
        .getHeader()
        .getTimestampMs();
  }

  /** Bridges for tests: each test its own share group and client id on the shared servers. */
  static final class Bridges {
    static Bridge start(KafkaEndpoint kafka, MqttEndpoint mqtt, String name) {
      String suffix = name + "-" + UUID.randomUUID().toString().substring(0, 8);
      MqttSettings settings =
          new MqttSettings(
              mqtt.uri(),
              "bridge-" + suffix,
              "group-" + suffix,
              java.util.Optional.empty(),
              java.util.Optional.empty(),
              500,
              Duration.ofMinutes(2),
              MqttSettings.DEFAULT_CONNECTIONS);
      return Bridge.start(
          BridgeConfig.of(settings, KafkaSettings.of(kafka.bootstrapServers())),
          new SimpleMeterRegistry(),
          BridgeListener.NONE);
    }
  }
}
