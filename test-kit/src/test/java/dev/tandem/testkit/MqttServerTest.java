package dev.tandem.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.servers.MqttEndpoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@WithRealServers
class MqttServerTest {
  private static final int MESSAGES = 200;

  @Test
  void sharedSubscriptionSplitsMessagesBetweenSubscribersExactlyOnce(MqttEndpoint mqtt)
      throws Exception {
    String run = UUID.randomUUID().toString();
    String filter = "$share/bridge-" + run + "/kit/" + run + "/+/telemetry";
    try (var a = MqttTestClient.connect(mqtt, "a-" + run, 1);
        var b = MqttTestClient.connect(mqtt, "b-" + run, 1);
        var publisher = MqttTestClient.connect(mqtt, "p-" + run)) {
      a.subscribe(filter, 1);
      b.subscribe(filter, 1);
      for (int i = 0; i < MESSAGES; i++) {
        publisher.publish(
            "kit/" + run + "/device-" + (i % 7) + "/telemetry",
            ("m" + i).getBytes(StandardCharsets.UTF_8),
            1,
            false);
      }

      Set<String> first = new HashSet<>();
      Set<String> second = new HashSet<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (first.size() + second.size() < MESSAGES && System.nanoTime() < deadline) {
        a.drain().forEach(m -> first.add(m.text()));
        b.drain().forEach(m -> second.add(m.text()));
        Thread.sleep(20);
      }
      Thread.sleep(200); // anything delivered twice would arrive by now
      List<MqttTestClient.Received> late = a.drain();
      late.addAll(b.drain());

      assertThat(first.size() + second.size())
          .as("each message delivered once")
          .isEqualTo(MESSAGES);
      // Two plain subscribers would have received 2 x MESSAGES. How the broker splits the shares
      // is its own choice (MQTT 5, 4.8.2): under load one subscriber may take them all.
      Set<String> union = new HashSet<>(first);
      union.addAll(second);
      assertThat(union).as("no message went to both subscribers").hasSize(MESSAGES);
      assertThat(late).as("duplicates").isEmpty();
    }
  }

  @Test
  void retainedMessageReachesALaterSubscriber(MqttEndpoint mqtt) throws Exception {
    String topic = "kit/" + UUID.randomUUID() + "/state";
    try (var publisher = MqttTestClient.connect(mqtt, "rp-" + UUID.randomUUID())) {
      publisher.publish(topic, "online".getBytes(StandardCharsets.UTF_8), 1, true);
    }
    try (var late = MqttTestClient.connect(mqtt, "rs-" + UUID.randomUUID())) {
      late.subscribe(topic, 1);
      var received = late.next(Duration.ofSeconds(10));

      assertThat(received).isNotNull();
      assertThat(received.text()).isEqualTo("online");
      assertThat(received.retained()).isTrue();
    }
  }
}
