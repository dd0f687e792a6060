package dev.tandem.sandbox.nab.platform;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import dev.tandem.edge.model.ModelSlot;
import dev.tandem.edge.update.UpdateClient;
import dev.tandem.edge.update.UpdateContext;
import dev.tandem.edge.update.UpdateReporter;
import dev.tandem.edge.update.UpdateSettings;
import dev.tandem.nab.corpus.Series;
import dev.tandem.nab.loop.ForecastModel;
import dev.tandem.nab.loop.LoopConfig;
import dev.tandem.nab.loop.LoopDetector;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.topic.Topics;
import dev.tandem.protocol.v1.RawSampleBatch;
import dev.tandem.protocol.v1.Reading;
import dev.tandem.protocol.v1.SampleReason;
import dev.tandem.protocol.v1.UpdateStep;
import dev.tandem.sandbox.device.DeviceLink;
import dev.tandem.sandbox.registry.DeviceEnrollment;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One enrolled edge agent replaying one series: the loop's {@link LoopDetector} scores each row,
 * every row goes up as raw samples ({@code fleet/{id}/samples}, batches of at most {@value #BATCH}
 * readings), and the edge agent's real {@link UpdateClient} (pinned root from enrollment, signed
 * metadata, presigned download, health check, switch) takes each model the cloud rolls out; on
 * activation the decoded forecaster is installed in the detector. Update steps and state reports go
 * to {@code fleet/{id}/updates} and {@code fleet/{id}/state}, which the rollout engine follows.
 *
 * <p>Replay pacing: before row {@code k} at which the schedule makes a model due, the agent sends
 * what it holds, waits until the cloud's training at {@code k} rows ended, and then until that
 * version is active here; so the model that scores row {@code k} was trained on rows {@code 0 ..
 * k-1}, as in process. A live device would go on scoring with its current model meanwhile.
 */
final class LoopDevice implements UpdateReporter, AutoCloseable {
  static final int BATCH = 256;

  /** One switch of the agent's model, as the agent saw it. */
  record Switch(int row, String version, String rolloutId, int trainedRows) {}

  private record Activated(String version, String rolloutId, ForecastModel model, String failure) {}

  private final DeviceId id;
  private final String model;
  private final LoopConfig config;
  private final Mqtt5AsyncClient mqtt;
  private final UpdateClient updates;
  private final AtomicLong publishFailures = new AtomicLong();
  private final DeviceLink link;
  private final BlockingQueue<Activated> activations = new LinkedBlockingQueue<>();
  private final List<Reading> pending = new ArrayList<>(BATCH);
  private final List<Switch> switches = new ArrayList<>();
  private int trainings;

  /** Enrolled already; opens its update client (pinning the enrollment's root), not connected. */
  LoopDevice(
      DeviceEnrollment enrollment,
      String model,
      URI broker,
      URI controlPlane,
      Path dir,
      UpdateContext context,
      LoopConfig config)
      throws IOException {
    this.id = DeviceId.of(enrollment.deviceId());
    this.model = model;
    this.config = config;
    Files.createDirectories(dir);
    Path root = dir.resolve("root.json");
    Files.write(root, enrollment.rootMetadata());
    this.mqtt =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier(enrollment.deviceId())
            .serverHost(broker.getHost())
            .serverPort(broker.getPort())
            .simpleAuth()
            .username(enrollment.mqttUsername())
            .password(enrollment.mqttPassword().getBytes(StandardCharsets.UTF_8))
            .applySimpleAuth()
            .buildAsync();
    this.link = new DeviceLink(id, mqtt, "nab-loop-replay", publishFailures::incrementAndGet);
    UpdateSettings defaults = UpdateSettings.defaults(dir.resolve("models"), root);
    UpdateSettings settings =
        new UpdateSettings(
            defaults.dir(),
            defaults.pinnedRoot(),
            defaults.keepVersions(),
            defaults.downloadTimeout(),
            defaults.connectTimeout(),
            defaults.downloadAttempts(),
            defaults.healthInputs(),
            // The health check's first call warms up; a loaded 2-core machine is slow at times.
            Duration.ofMillis(500),
            // The detector runs the forecaster itself, not through the agent's inference path.
            0,
            defaults.maxErrorRate(),
            Optional.of(controlPlane),
            Optional.of(enrollment.deviceToken()));
    this.updates = UpdateClient.open(id, settings, new ForecastRuntime(), context, this);
  }

  /** Connects and subscribes to its desired state. */
  void connect() throws Exception {
    link.connect(updates::onDesired).get(30, TimeUnit.SECONDS);
  }

  /**
   * Scores every row of {@code series} as described above; {@code beforeTail} runs after the last
   * row is scored and before the rows since the last batch are sent.
   *
   * @throws IllegalStateException if a training or a switch does not come within {@code timeout},
   *     or a switched model was trained on other rows than those before its row
   */
  double[] replay(Series series, TrainingPacing pacing, Duration timeout, Runnable beforeTail)
      throws InterruptedException {
    LoopDetector detector = new LoopDetector(config);
    double[] scores = new double[series.size()];
    int lastTrained = 0;
    for (int i = 0; i < scores.length; i++) {
      if (config.schedule().due(i, lastTrained)) {
        lastTrained = i;
        send();
        trainings++;
        Optional<String> version = pacing.await(id.value(), i, timeout);
        if (version.isPresent()) {
          Activated active = awaitActive(version.get(), timeout);
          if (active.model().trainedRows() != i) {
            throw new IllegalStateException(
                "%s: version %s was trained on %d rows but switches in before row %d"
                    .formatted(id, active.version(), active.model().trainedRows(), i));
          }
          detector.install(active.model());
          switches.add(
              new Switch(i, active.version(), active.rolloutId(), active.model().trainedRows()));
        }
      }
      detector.update(series.timestamp(i), series.value(i));
      scores[i] = detector.score();
      pending.add(
          Reading.newBuilder()
              .setTimestampMs(series.timestamp(i))
              .setValue(series.value(i))
              .build());
      if (pending.size() == BATCH) {
        send();
      }
    }
    beforeTail.run();
    send();
    return scores;
  }

  private Activated awaitActive(String version, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Activated next = activations.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (next == null) {
        throw new IllegalStateException(
            "%s: version %s not active within %s".formatted(id, version, timeout));
      }
      if (next.version().equals(version)) {
        if (next.failure() != null) {
          throw new IllegalStateException(
              "%s: update to %s failed: %s".formatted(id, version, next.failure()));
        }
        return next;
      }
    }
  }

  /** Sends the readings not sent yet as one batch. */
  private void send() {
    if (pending.isEmpty()) {
      return;
    }
    byte[] payload =
        RawSampleBatch.newBuilder()
            .setHeader(link.header())
            .setStreamId("value")
            // Every reading is sampled: uniform sampling at rate 1.
            .setReason(SampleReason.SAMPLE_REASON_RANDOM)
            .addAllReadings(pending)
            .build()
            .toByteArray();
    pending.clear();
    link.publish(Topics.samples(id), payload, false);
  }

  @Override
  public void step(
      String rolloutId,
      String modelName,
      String version,
      UpdateStep step,
      String reason,
      long durationMillis) {
    link.step(rolloutId, modelName, version, step, reason, durationMillis);
    if (!modelName.equals(model)) {
      return;
    }
    if (step == UpdateStep.UPDATE_STEP_ACTIVE) {
      ForecastModel installed =
          updates
              .model(modelName)
              .flatMap(ModelSlot::active)
              .filter(v -> v.version().equals(version))
              .map(v -> ((ForecastRuntime.Loaded) v.model()).forecast())
              .orElseThrow(
                  () -> new IllegalStateException(version + " reported active but is not"));
      activations.add(new Activated(version, rolloutId, installed, null));
    } else if (step == UpdateStep.UPDATE_STEP_FAILED || step == UpdateStep.UPDATE_STEP_REVERTED) {
      activations.add(new Activated(version, rolloutId, null, step + " " + reason));
    }
  }

  @Override
  public void modelsChanged() {
    link.state(updates.counters(), updates.modelVersions());
  }

  String id() {
    return id.value();
  }

  /** Trainings the agent waited for. */
  int trainings() {
    return trainings;
  }

  /** Every switch of model, in row order. */
  List<Switch> switches() {
    return List.copyOf(switches);
  }

  /** Publications the broker did not acknowledge. */
  long publishFailures() {
    return publishFailures.get();
  }

  @Override
  public void close() {
    mqtt.disconnect().exceptionally(e -> null).join();
  }
}
