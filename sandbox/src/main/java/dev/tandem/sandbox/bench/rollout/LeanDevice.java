package dev.tandem.sandbox.bench.rollout;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import dev.tandem.edge.model.ModelRuntime;
import dev.tandem.edge.update.CoalescingUpdateReporter;
import dev.tandem.edge.update.UpdateClient;
import dev.tandem.edge.update.UpdateContext;
import dev.tandem.edge.update.UpdateReporter;
import dev.tandem.edge.update.UpdateSettings;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.v1.UpdateStep;
import dev.tandem.sandbox.device.DeviceLink;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

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
  private final DeviceLink link;
  private final CoalescingUpdateReporter reports;

  LeanDevice(
      String id,
      URI broker,
      UpdateSettings settings,
      ModelRuntime runtime,
      UpdateContext context,
      Reporting reporting) {
    this.id = DeviceId.of(id);
    this.progress = reporting.progress();
    this.mqtt =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier(id)
            .serverHost(broker.getHost())
            .serverPort(broker.getPort())
            .buildAsync();
    this.link = new DeviceLink(this.id, mqtt, "rollout-bench", progress::publishFailed);
    this.reports =
        new CoalescingUpdateReporter(
            link::steps, this::publishState, reporting.timer(), reporting.window());
    this.updates = UpdateClient.open(this.id, settings, runtime, context, this);
  }

  /** Connects and subscribes to the device's desired-state topic; completes when subscribed. */
  CompletableFuture<Void> connect() {
    return link.connect(
        payload -> {
          progress.onDesired();
          updates.onDesired(payload);
        });
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

  private void publishState() {
    link.state(updates.counters(), updates.modelVersions());
  }

  CompletableFuture<Void> disconnect() {
    return mqtt.disconnect().exceptionally(e -> null);
  }
}
