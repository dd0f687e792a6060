package dev.tandem.sandbox.bench.ingest;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import dev.tandem.protocol.v1.Header;
import dev.tandem.protocol.v1.WindowSummary;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The baseline: the same publishers, and subscribers in a shared group at QoS 1 that acknowledge on
 * arrival (what the broker can do with no Kafka behind it).
 */
final class RawBrokerRun {
  private RawBrokerRun() {}

  static RunResult run(URI broker, int devices, int perDevice, int subscribers, double rate)
      throws Exception {
    DeliveryLog log = new DeliveryLog(devices, perDevice);
    List<Mqtt5AsyncClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < subscribers; i++) {
        Mqtt5AsyncClient client =
            MqttClient.builder()
                .useMqttVersion5()
                .identifier("bench-raw-sub-" + i)
                .serverHost(broker.getHost())
                .serverPort(broker.getPort())
                .buildAsync();
        client.publishes(
            MqttGlobalPublishFilter.ALL,
            publish -> {
              try {
                Header header = WindowSummary.parseFrom(publish.getPayloadAsBytes()).getHeader();
                log.arrived(BenchMessages.deviceIndex(header.getDeviceId()), header.getSequence());
              } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
              }
            });
        client
            .connectWith()
            .cleanStart(true)
            .restrictions()
            .receiveMaximum(1000)
            .applyRestrictions()
            .send()
            .get(30, TimeUnit.SECONDS);
        client
            .subscribeWith()
            .topicFilter("$share/bench-raw/fleet/+/telemetry")
            .qos(MqttQos.AT_LEAST_ONCE)
            .send()
            .get(30, TimeUnit.SECONDS);
        clients.add(client);
      }
      try (FleetPublishers publishers = new FleetPublishers(broker, "bench-raw", 4)) {
        long start = System.nanoTime();
        publishers.publishAll(log, devices, perDevice, rate);
        Arrivals.await(log, Duration.ofSeconds(15));
        return RunResult.of(log, start);
      }
    } finally {
      for (Mqtt5AsyncClient client : clients) {
        client.disconnect().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
      }
    }
  }
}
