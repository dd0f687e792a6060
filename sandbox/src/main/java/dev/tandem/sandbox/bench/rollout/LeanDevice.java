package dev.tandem.sandbox.bench.rollout;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import dev.tandem.edge.model.ModelRuntime;
import dev.tandem.edge.update.CoalescingUpdateReporter;
import dev.tandem.edge.update.UpdateClient;
import dev.tandem.edge.update.UpdateContext;
import dev.tandem.edge.update.UpdateReporter;
import dev.tandem.edge.update.UpdateSettings;
import dev.tandem.protocol.message.Headers;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.topic.Topics;
import dev.tandem.protocol.update.ReportedSteps;
import dev.tandem.protocol.v1.DeviceStateReport;
import dev.tandem.protocol.v1.Health;
import dev.tandem.protocol.v1.LinkState;
import dev.tandem.protocol.v1.UpdateStep;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated device for the rollout benchmark: its own MQTT 5 connection (a HiveMQ client; all
 * of them share the client library's Netty event loops, so a device costs no thread) and the edge
 * agent's real {@link UpdateClient} (verification against the pinned root, presigned download,
 * staging, health check, switch). It reports every update step on {@code fleet/{id}/updates} (the
 * steps reached within the report window gathered into one message, see {@link
 * CoalescingUpdateReporter}) and its model versions on {@code fleet/{id}/state}, QoS 1, straight
 * from the connection: the agent's durable outbox, sensing pipeline and inference are left out,
 * they are not what a rollout loads.
 */
final class LeanDevice implements UpdateReporter {
  /**
   * How the fleet's devices report.
   *
   * @param progress counts what the devices did
   * @param timer ends report windows, shared by every device
   * @param window how long a device gathers update steps into one report (zero: one each)
   */
  record Reporting(FleetProgress progress, ScheduledExecutorService timer, Duration window) {}

  private final DeviceId id;
  private final Mqtt5AsyncClient mqtt;
  private final UpdateClient updates;
  private final FleetProgress progress;
  private final CoalescingUpdateReporter reports;
  private final AtomicLong sequence = new AtomicLong();

  LeanDevice(
      String id,
      URI broker,
      UpdateSettings settings,
      ModelRuntime runtime,
      UpdateContext context,
      Reporting reporting) {
    this.id = DeviceId.of(id);
    this.progress = reporting.progress();
    this.reports =
        new CoalescingUpdateReporter(
            this::publishSteps, this::publishState, reporting.timer(), reporting.window());
    this.mqtt =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier(id)
            .serverHost(broker.getHost())
            .serverPort(broker.getPort())
            .buildAsync();
    this.updates = UpdateClient.open(this.id, settings, runtime, context, this);
  }

  /** Connects and subscribes to the device's desired-state topic; completes when subscribed. */
  CompletableFuture<Void> connect() {
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
                            progress.onDesired();
                            updates.onDesired(payload);
                          }
                        })
                    .send())
        .thenAccept(subAck -> {});
  }

  @Override
  public void step(
      String rolloutId,
      String model,
      String version,
      UpdateStep step,
      String reason,
      long durationMillis) {
    progress.step(step, reason);
    reports.step(rolloutId, model, version, step, reason, durationMillis);
  }

  @Override
  public void modelsChanged() {
    reports.modelsChanged();
  }

  private void publishSteps(
      String rolloutId, String model, String version, List<ReportedSteps.Step> steps) {
    byte[] payload =
        UpdateReporter.encode(
            Headers.create(id, sequence.incrementAndGet(), Instant.now()),
            rolloutId,
            model,
            version,
            steps);
    publish(Topics.updates(id), payload, false);
  }

  private void publishState() {
    byte[] payload =
        DeviceStateReport.newBuilder()
            .setHeader(Headers.create(id, sequence.incrementAndGet(), Instant.now()))
            .setAgentVersion("rollout-bench")
            .setHealth(Health.HEALTH_OK)
            .setLinkState(LinkState.LINK_STATE_ONLINE)
            .putAllCounters(updates.counters())
            .putAllModelVersions(updates.modelVersions())
            .build()
            .toByteArray();
    publish(Topics.state(id), payload, true);
  }

  private void publish(String topic, byte[] payload, boolean retain) {
    mqtt.publishWith()
        .topic(topic)
        .qos(MqttQos.AT_LEAST_ONCE)
        .retain(retain)
        .payload(payload)
        .send()
        .whenComplete(
            (result, error) -> {
              if (error != null || result.getError().isPresent()) {
                progress.publishFailed();
              }
            });
  }

  CompletableFuture<Void> disconnect() {
    return mqtt.disconnect().exceptionally(e -> null);
  }
}
