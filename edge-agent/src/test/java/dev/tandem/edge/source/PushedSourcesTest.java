package dev.tandem.edge.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.servers.MqttEndpoint;
import dev.tandem.testkit.MqttTestClient;
import dev.tandem.testkit.WithRealServers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Readings pushed to the agent: by local devices over MQTT, and on standard input. */
@WithRealServers
class PushedSourcesTest {
  private static final InstantSource CLOCK = InstantSource.fixed(Instant.ofEpochMilli(42_000));

  @Test
  void stdinLinesBecomeReadingsAndGarbageIsReportedNotFatal() throws Exception {
    var in =
        new ByteArrayInputStream(
            "21.5\n1000,22.5\nhello\n\n23.5\n".getBytes(StandardCharsets.UTF_8));
    List<String> warnings = new ArrayList<>();
    var source = new StdinSource(in, CLOCK, warnings::add);
    var reading = new MutableReading();
    List<String> got = new ArrayList<>();
    while (source.next(reading)) {
      got.add(reading.timestampMillis + "=" + reading.value);
    }

    assertThat(got).containsExactly("42000=21.5", "1000=22.5", "42000=23.5");
    assertThat(warnings).containsExactly("stdin: not a reading: 'hello' (1 so far)");
  }

  @Test
  void readingsPublishedByLocalDevicesArriveInOrder(MqttEndpoint mqtt) throws Exception {
    String topic = "lan/" + UUID.randomUUID() + "/spindle";
    var source = new LanMqttSource(mqtt.serverUri(), topic, CLOCK, w -> {});
    try (var device = MqttTestClient.connect(mqtt, "lan-device-" + UUID.randomUUID())) {
      for (int i = 0; i < 50; i++) {
        device.publish(topic, (1000 + i + "," + i).getBytes(StandardCharsets.UTF_8), 1, false);
      }
      var reading = new MutableReading();
      for (int i = 0; i < 50; i++) {
        assertThat(source.next(reading)).isTrue();
        assertThat(reading.timestampMillis).isEqualTo(1000 + i);
        assertThat(reading.value).isEqualTo(i);
      }
    } finally {
      source.close();
    }
    assertThat(source.next(new MutableReading())).as("ends once closed").isFalse();
  }
}
