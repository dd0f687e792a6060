package dev.tandem.sandbox.device;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import dev.tandem.edge.update.UpdateReporter;
import dev.tandem.protocol.message.Headers;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.topic.Topics;
import dev.tandem.protocol.update.ReportedSteps;
import dev.tandem.protocol.v1.DeviceStateReport;
import dev.tandem.protocol.v1.Header;
import dev.tandem.protocol.v1.Health;
import dev.tandem.protocol.v1.LinkState;
import dev.tandem.protocol.v1.UpdateStep;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The MQTT link of a simulated device that takes updates: it follows the device's retained desired
 * state, and publishes QoS 1 straight from its connection (no durable outbox), each message with
 * the device's next header sequence; among them what the rollout engine follows, update steps on
 * {@code fleet/{id}/updates} and the retained state report on {@code fleet/{id}/state}.
 */
public final class DeviceLink {
  private final DeviceId id;
  private final Mqtt5AsyncClient mqtt;
  private final String agentVersion;
  private final Runnable onPublishFailed;
  private final AtomicLong sequence = new AtomicLong();

  /**
   * @param agentVersion what the state reports name as the agent's version
   * @param onPublishFailed called for each publication the broker did not acknowledge
   */
  public DeviceLink(
      DeviceId id, Mqtt5AsyncClient mqtt, String agentVersion, Runnable onPublishFailed) {
    this.id = id;
    this.mqtt = mqtt;
    this.agentVersion = agentVersion;
    this.onPublishFailed = onPublishFailed;
  }

  /**
   * Connects and subscribes to {@code fleet/{id}/desired}; each non-empty desired state goes to
   * {@code onDesired} (on the client's thread). Completes when subscribed.
   */
  public CompletableFuture<Void> connect(Consumer<byte[]> onDesired) {
    return mqtt.connectWith()
        .cleanStart(true)
        .keepAlive(120)
        .send()
        .thenCompose(
            ack ->
                mqtt.subscribeWith()
                    .topicFilter(Topics.desired(id))
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .callback(
                        publish -> {
                          byte[] payload = publish.getPayloadAsBytes();
                          if (payload.length > 0) {
                            onDesired.accept(payload);
                          }
                        })
                    .send())
        .thenAccept(subAck -> {});
  }

  /** A header with the device's next sequence number, stamped now. */
  public Header header() {
    return Headers.create(id, sequence.incrementAndGet(), Instant.now());
  }

  /** Publishes one {@link UpdateReporter#step}. */
  public void step(
      String rolloutId,
      String model,
      String version,
      UpdateStep step,
      String reason,
      long durationMillis) {
    publish(
        Topics.updates(id),
        UpdateReporter.encode(header(), rolloutId, model, version, step, reason, durationMillis),
        false);
  }

  /** Publishes the steps of one update as one report (oldest first; see {@link ReportedSteps}). */
  public void steps(
      String rolloutId, String model, String version, List<ReportedSteps.Step> steps) {
    publish(
        Topics.updates(id),
        UpdateReporter.encode(header(), rolloutId, model, version, steps),
        false);
  }

  /** Publishes the retained state report: healthy, online, these counters and model versions. */
  public void state(Map<String, Long> counters, Map<String, String> modelVersions) {
    byte[] payload =
        DeviceStateReport.newBuilder()
            .setHeader(header())
            .setAgentVersion(agentVersion)
            .setHealth(Health.HEALTH_OK)
            .setLinkState(LinkState.LINK_STATE_ONLINE)
            .putAllCounters(counters)
            .putAllModelVersions(modelVersions)
            .build()
            .toByteArray();
    publish(Topics.state(id), payload, true);
  }

  /** Publishes {@code payload} on {@code topic}, QoS 1. */
  public void publish(String topic, byte[] payload, boolean retain) {
    mqtt.publishWith()
        .topic(topic)
        .qos(MqttQos.AT_LEAST_ONCE)
        .retain(retain)
        .payload(payload)
        .send()
        .whenComplete(
            (result, error) -> {
              if (error != null || result.getError().isPresent()) {
                onPublishFailed.run();
              }
            });
  }
}
