package dev.tandem.registry.rollout;

import dev.tandem.protocol.message.Headers;
import dev.tandem.protocol.message.MessageCodec;
import dev.tandem.protocol.stream.FleetStream;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.update.ReportedSteps;
import dev.tandem.protocol.v1.DesiredState;
import dev.tandem.protocol.v1.DeviceStateReport;
import dev.tandem.protocol.v1.Health;
import dev.tandem.protocol.v1.LinkState;
import dev.tandem.protocol.v1.UpdateStep;
import dev.tandem.protocol.v1.UpdateStepReport;
import dev.tandem.servers.MqttEndpoint;
import dev.tandem.testkit.MqttTestClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The device side of the contract, played by the test: retained desired states read from the real
 * broker, update and state reports written to the real Kafka topics the ingest bridge feeds.
 */
final class FleetSide implements AutoCloseable {
  private final KafkaProducer<String, byte[]> producer;
  private final MqttTestClient mqtt;
  private final Map<String, DesiredState> desired = new HashMap<>();
  private final AtomicLong sequence = new AtomicLong();

  FleetSide(String bootstrapServers, String mqttUrl, String clientId) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    producer = new KafkaProducer<>(p);
    mqtt = MqttTestClient.connect(MqttEndpoint.of(mqttUrl), clientId);
    mqtt.subscribe("fleet/+/desired", 1);
  }

  /** Every desired state received so far, by device (the latest of each). */
  Map<String, DesiredState> desired() throws Exception {
    for (MqttTestClient.Received r; (r = mqtt.next(Duration.ofMillis(50))) != null; ) {
      String device = r.topic().split("/")[1];
      DesiredState state = MessageCodec.DESIRED_STATE.decode(r.payload(), DeviceId.of(device));
      desired.put(device, state);
    }
    return desired;
  }

  void step(
      String device, String rollout, String model, String version, UpdateStep step, String reason)
      throws Exception {
    UpdateStepReport report =
        UpdateStepReport.newBuilder()
            .setHeader(
                Headers.create(DeviceId.of(device), sequence.incrementAndGet(), Instant.now()))
            .setRolloutId(rollout)
            .setModel(model)
            .setVersion(version)
            .setStep(step)
            .setReason(reason)
            .setDurationMs(12)
            .build();
    send(device, report);
  }

  /** Several steps of one update in one message, as a coalescing device sends them. */
  void steps(String device, String rollout, String model, String version, List<UpdateStep> steps)
      throws Exception {
    List<ReportedSteps.Step> timed = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      timed.add(new ReportedSteps.Step(steps.get(i), "", 3, 3L * (steps.size() - 1 - i)));
    }
    UpdateStepReport report =
        ReportedSteps.builder(timed)
            .setHeader(
                Headers.create(DeviceId.of(device), sequence.incrementAndGet(), Instant.now()))
            .setRolloutId(rollout)
            .setModel(model)
            .setVersion(version)
            .build();
    send(device, report);
  }

  private void send(String device, UpdateStepReport report) throws Exception {
    producer
        .send(
            new ProducerRecord<>(
                FleetStream.UPDATES.kafkaTopic(), device, MessageCodec.UPDATE_STEP.encode(report)))
        .get();
  }

  void state(String device, String model, String version, long inferences) throws Exception {
    DeviceStateReport report =
        DeviceStateReport.newBuilder()
            .setHeader(
                Headers.create(DeviceId.of(device), sequence.incrementAndGet(), Instant.now()))
            .setAgentVersion("test")
            .putModelVersions(model, version)
            .setHealth(Health.HEALTH_OK)
            .setLinkState(LinkState.LINK_STATE_ONLINE)
            .putCounters("inferences", inferences)
            .putCounters("inference_errors", 0)
            .putCounters("inference_latency_us_total", inferences * 900)
            .putCounters("anomalies", inferences / 50)
            .build();
    producer
        .send(
            new ProducerRecord<>(
                FleetStream.STATE.kafkaTopic(), device, MessageCodec.DEVICE_STATE.encode(report)))
        .get();
  }

  @Override
  public void close() throws org.eclipse.paho.mqttv5.common.MqttException {
    producer.close(Duration.ofSeconds(5));
    mqtt.close();
  }
}
