package dev.tandem.edge.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.tandem.edge.agent.EdgeAgent;
import dev.tandem.edge.config.AgentConfigReader;
import dev.tandem.protocol.message.Headers;
import dev.tandem.protocol.message.MessageCodec;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.topic.Topics;
import dev.tandem.protocol.v1.DesiredModel;
import dev.tandem.protocol.v1.DesiredState;
import dev.tandem.protocol.v1.DeviceStateReport;
import dev.tandem.protocol.v1.UpdateStep;
import dev.tandem.protocol.v1.UpdateStepReport;
import dev.tandem.servers.MqttEndpoint;
import dev.tandem.testkit.MqttTestClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One real agent with an update client, connected to the real broker, and a listener on its {@code
 * updates} and {@code state} topics. The agent's model store can be seeded before start.
 */
final class TestDevice implements AutoCloseable {
  static final Set<UpdateStep> FINAL =
      Set.of(
          UpdateStep.UPDATE_STEP_ACTIVE,
          UpdateStep.UPDATE_STEP_FAILED,
          UpdateStep.UPDATE_STEP_REVERTED);

  final String id = "upd-" + UUID.randomUUID().toString().substring(0, 8);
  final Path dir;
  final Path updatesDir;
  private final MqttEndpoint mqtt;
  private final MqttTestClient listener;
  private final List<UpdateStepReport> steps = new ArrayList<>();
  private final List<DeviceStateReport> states = new ArrayList<>();
  private final AtomicLong desiredSequence = new AtomicLong();
  private String extraYaml = "";
  private String brokerUri;
  EdgeAgent agent;

  TestDevice(Path dir, MqttEndpoint mqtt, byte[] pinnedRoot) throws Exception {
    this.dir = dir;
    this.mqtt = mqtt;
    this.updatesDir = dir.resolve("updates");
    this.brokerUri = mqtt.serverUri();
    Files.createDirectories(updatesDir);
    Files.write(dir.resolve("root.json"), pinnedRoot);
    Files.writeString(dir.resolve("in.csv"), "timestamp,value\n1700000000000,1.0\n");
    this.listener = MqttTestClient.connect(mqtt, "listen-" + id);
    listener.subscribe("fleet/" + id + "/updates", 1);
    listener.subscribe("fleet/" + id + "/state", 1);
  }

  /** Adds YAML lines under {@code updates:} (indented by four spaces). */
  TestDevice with(String updatesYaml) {
    this.extraYaml = updatesYaml;
    return this;
  }

  /** Points the agent at a port where no broker listens: it starts and stays offline. */
  TestDevice offline() throws IOException {
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      brokerUri = "tcp://127.0.0.1:" + socket.getLocalPort();
    }
    return this;
  }

  /** Puts {@code artifact} on disk as the active version, as a device that already runs it. */
  TestDevice seed(String model, String version, byte[] artifact) throws IOException {
    Path file = updatesDir.resolve("models/" + model + "/" + version + "/model.bin");
    Files.createDirectories(file.getParent());
    Files.write(file, artifact);
    Path pointer = updatesDir.resolve("models/" + model + "/current");
    List<String> lines = new ArrayList<>(List.of(version));
    if (Files.exists(pointer)) {
      lines.addAll(Files.readAllLines(pointer));
    }
    Files.write(pointer, lines);
    return this;
  }

  /** Records that targets version {@code floor} was seen. */
  TestDevice seenTargetsVersion(long floor) throws IOException {
    Files.createDirectories(updatesDir.resolve("trust"));
    Files.writeString(updatesDir.resolve("trust/targets-version"), Long.toString(floor));
    return this;
  }

  TestDevice start() {
    String yaml =
        """
        device: {id: %s}
        mqtt: {url: '%s', reconnect-initial: 100ms, reconnect-max: 500ms}
        outbox: {dir: outbox}
        state-interval: 1h
        streams:
          - id: s0
            source: {type: csv, file: in.csv, speed: 0}
            window: {size: 10s, allowed-lateness: 0s}
        updates:
          dir: updates
          root: root.json
          download-timeout: 5s
          connect-timeout: 2s
          latency-budget: 200ms
          probation-inferences: 20
          max-error-rate: 0.1
        %s
        """
            .formatted(id, brokerUri, extraYaml.indent(2));
    agent = EdgeAgent.start(AgentConfigReader.parse(yaml, dir), dir, InstantSource.system());
    return this;
  }

  UpdateClient updates() {
    return agent.updates().orElseThrow();
  }

  /** Publishes a retained desired state for this device. */
  void publishDesired(String rolloutId, byte[] targets, List<byte[]> roots, DesiredModel... models)
      throws Exception {
    DesiredState.Builder desired =
        DesiredState.newBuilder()
            .setHeader(
                Headers.create(DeviceId.of(id), desiredSequence.incrementAndGet(), Instant.now()))
            .setRolloutId(rolloutId)
            .setTargetsMetadata(ByteString.copyFrom(targets));
    roots.forEach(r -> desired.addRootMetadata(ByteString.copyFrom(r)));
    for (DesiredModel m : models) {
      desired.addModels(m);
    }
    publishRaw(desired.build().toByteArray());
  }

  void publishRaw(byte[] payload) throws Exception {
    listener.publish(Topics.desired(DeviceId.of(id)), payload, 1, true);
  }

  static DesiredModel model(String name, String version, String targetPath, String url) {
    return DesiredModel.newBuilder()
        .setName(name)
        .setVersion(version)
        .setVariant("int8")
        .setTargetPath(targetPath)
        .setArtifactUrl(url)
        .build();
  }

  /** Waits for the next final step (ACTIVE, FAILED, REVERTED) and answers every step up to it. */
  List<UpdateStepReport> awaitFinalStep(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<UpdateStepReport> seen = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      var message = listener.next(Duration.ofMillis(100));
      if (message == null) {
        continue;
      }
      if (message.topic().endsWith("/state")) {
        states.add(MessageCodec.DEVICE_STATE.decode(message.payload(), DeviceId.of(id)));
        continue;
      }
      UpdateStepReport report = MessageCodec.UPDATE_STEP.decode(message.payload(), DeviceId.of(id));
      steps.add(report);
      seen.add(report);
      if (FINAL.contains(report.getStep())) {
        return seen;
      }
    }
    throw new AssertionError("no final update step within " + timeout + "; steps: " + seen);
  }

  /** The newest state report that lists {@code model} at {@code version}, waiting for it. */
  DeviceStateReport awaitStateWith(String model, String version, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (int i = states.size() - 1; i >= 0; i--) {
        if (version.equals(states.get(i).getModelVersionsMap().get(model))) {
          return states.get(i);
        }
      }
      var message = listener.next(Duration.ofMillis(100));
      if (message != null && message.topic().endsWith("/state")) {
        states.add(MessageCodec.DEVICE_STATE.decode(message.payload(), DeviceId.of(id)));
      } else if (message != null) {
        steps.add(MessageCodec.UPDATE_STEP.decode(message.payload(), DeviceId.of(id)));
      }
    }
    throw new AssertionError("no state report with " + model + " " + version);
  }

  static UpdateStepReport last(List<UpdateStepReport> steps) {
    return steps.get(steps.size() - 1);
  }

  /** Asserts the device refused with {@code code} and still serves {@code version}. */
  void assertRefused(List<UpdateStepReport> steps, String code, String model, String version) {
    UpdateStepReport last = last(steps);
    assertThat(last.getStep()).as(last.getReason()).isEqualTo(UpdateStep.UPDATE_STEP_FAILED);
    assertThat(last.getReason()).startsWith(code + ": ");
    assertThat(updates().modelVersions()).containsEntry(model, version);
    float[] out = agent.infer(model, new float[TestModels.INPUTS]);
    assertThat(out).hasSize(2);
  }

  void stop() {
    if (agent != null) {
      agent.close();
      agent = null;
    }
  }

  @Override
  public void close() throws Exception {
    stop();
    listener.publish(
        Topics.desired(DeviceId.of(id)), new byte[0], 1, true); // clear the retained message
    listener.close();
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
