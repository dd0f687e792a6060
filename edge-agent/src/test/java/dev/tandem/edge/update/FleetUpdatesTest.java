package dev.tandem.edge.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.tandem.edge.agent.EdgeAgent;
import dev.tandem.edge.fleet.FleetInference;
import dev.tandem.edge.fleet.FleetSimulator;
import dev.tandem.edge.fleet.FleetSpec;
import dev.tandem.edge.fleet.FleetUpdates;
import dev.tandem.edge.model.EdgeModelRuntime;
import dev.tandem.protocol.message.Headers;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.topic.Topics;
import dev.tandem.protocol.v1.DesiredState;
import dev.tandem.servers.MqttEndpoint;
import dev.tandem.servers.S3Endpoint;
import dev.tandem.testkit.MqttTestClient;
import dev.tandem.testkit.WithRealServers;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Simulated devices in one JVM share one HTTP client and one two-thread executor for updates. */
@WithRealServers
class FleetUpdatesTest {
  @TempDir Path dir;

  @Test
  void simulatedDevicesInstallTheUpdateOnASharedExecutorAndBrokenOnesRefuseIt(
      MqttEndpoint mqtt, S3Endpoint s3) throws Exception {
    var repo = new TestRepository();
    Path root = dir.resolve("root.json");
    Files.write(root, repo.root1());
    byte[] artifact = TestModels.good("2.0.0", 1f);
    var target = TestRepository.target("vibration", "2.0.0", artifact);
    String url = new ArtifactStore(s3).put(artifact);
    byte[] targets = repo.targets(1, target);
    String prefix = "fleetupd" + UUID.randomUUID().toString().substring(0, 6);
    var spec =
        new FleetSpec(
            3, prefix, mqtt.serverUri(), dir, Duration.ofSeconds(10), 1, Duration.ofHours(1));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    var context = new UpdateContext(HttpClient.newHttpClient(), pool, InstantSource.system());
    FleetUpdates updates = mixedFleet(root, context, spec.devices());
    try (var fleet = FleetSimulator.start(spec, InstantSource.system(), n -> {}, updates);
        var cloud = MqttTestClient.connect(mqtt, "cloud-" + prefix)) {
      for (int i = 0; i < spec.devices(); i++) {
        DeviceId id = DeviceId.of(spec.deviceId(i));
        // One desired state per device: its header names the device it is for.
        DesiredState desired =
            DesiredState.newBuilder()
                .setHeader(Headers.create(id, 1, Instant.now()))
                .setRolloutId("fleet-rollout")
                .setTargetsMetadata(ByteString.copyFrom(targets))
                .addModels(TestDevice.model("vibration", "2.0.0", target.path(), url))
                .build();
        cloud.publish(Topics.desired(id), desired.toByteArray(), 1, true);
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      for (int i = 0; i < spec.devices(); i++) {
        EdgeAgent agent = fleet.agents().get(i);
        if (updates.broken(i)) {
          // Its health check fails: it reports the refusal and runs nothing new.
          while (!refused(agent)) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(50);
          }
          assertThat(agent.updates().orElseThrow().modelVersions()).isEmpty();
        } else {
          while (!runsVersion2(agent)) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(50);
          }
        }
      }
      try (var traffic = FleetInference.start(fleet, "vibration", Duration.ofMillis(10), 3)) {
        EdgeAgent healthy =
            fleet.agents().stream()
                .filter(FleetUpdatesTest::runsVersion2)
                .findFirst()
                .orElseThrow();
        while (healthy.updates().orElseThrow().counters().get("inferences") < 5) {
          assertThat(System.nanoTime()).isLessThan(deadline);
          Thread.sleep(20);
        }
      }
      for (int i = 0; i < spec.devices(); i++) {
        cloud.publish(Topics.desired(DeviceId.of(spec.deviceId(i))), new byte[0], 1, true);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** A fleet where some devices are broken and some are not. */
  private static FleetUpdates mixedFleet(Path root, UpdateContext context, int devices) {
    for (long seed = 1; ; seed++) {
      var updates = new FleetUpdates(root, new EdgeModelRuntime(), context, 0.5, seed);
      long broken = java.util.stream.IntStream.range(0, devices).filter(updates::broken).count();
      if (broken > 0 && broken < devices) {
        return updates;
      }
    }
  }

  private static boolean refused(EdgeAgent agent) {
    return java.nio.file.Files.exists(
        agent.config().updates().orElseThrow().dir().resolve("models/vibration/rejected/2.0.0"));
  }

  private static boolean runsVersion2(EdgeAgent agent) {
    return "2.0.0".equals(agent.updates().orElseThrow().modelVersions().get("vibration"));
  }
}
