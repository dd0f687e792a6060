package dev.tandem.edge.update;

import static dev.tandem.edge.update.TestDevice.last;
import static dev.tandem.edge.update.TestDevice.model;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tandem.protocol.signing.metadata.TargetInfo;
import dev.tandem.protocol.v1.UpdateStep;
import dev.tandem.protocol.v1.UpdateStepReport;
import dev.tandem.servers.MqttEndpoint;
import dev.tandem.servers.S3Endpoint;
import dev.tandem.testkit.WithRealServers;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Updates that go through, and new versions that misbehave, end to end on the real servers. */
@WithRealServers
class UpdateFlowTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final byte[] V1 = TestModels.good("1.0.0", 0f);
  private static final byte[] V2 = TestModels.good("2.0.0", 1f);
  private static final float[] SMALL = {0.5f, 0.25f, 0f, 1f};
  private static ArtifactStore store;

  @TempDir Path dir;
  private final TestRepository repo = new TestRepository();
  private TestDevice device;

  @BeforeAll
  static void bucket(S3Endpoint s3) throws Exception {
    store = new ArtifactStore(s3);
  }

  @BeforeEach
  void device(MqttEndpoint mqtt) throws Exception {
    device = new TestDevice(dir, mqtt, repo.root1()).seed("vibration", "1.0.0", V1);
  }

  @AfterEach
  void close() throws Exception {
    device.close();
  }

  private List<UpdateStepReport> offer(long targetsVersion, String version, byte[] artifact)
      throws Exception {
    TargetInfo target = TestRepository.target("vibration", version, artifact);
    device.publishDesired(
        "rollout-" + version,
        repo.targets(targetsVersion, target),
        List.of(),
        model("vibration", version, target.path(), store.put(artifact)));
    return device.awaitFinalStep(WAIT);
  }

  private Path modelDir() {
    return dir.resolve("updates/models/vibration");
  }

  @Test
  void goodUpdateGoesActiveIsReportedAndSurvivesARestart() throws Exception {
    device.start();
    float[] before = device.agent.infer("vibration", SMALL);

    var steps = offer(3, "2.0.0", V2);

    assertThat(steps.stream().map(UpdateStepReport::getStep))
        .containsExactly(
            UpdateStep.UPDATE_STEP_RECEIVED,
            UpdateStep.UPDATE_STEP_DOWNLOADING,
            UpdateStep.UPDATE_STEP_VERIFIED,
            UpdateStep.UPDATE_STEP_STAGED,
            UpdateStep.UPDATE_STEP_ACTIVE);
    assertThat(steps)
        .allSatisfy(
            s -> {
              assertThat(s.getRolloutId()).isEqualTo("rollout-2.0.0");
              assertThat(s.getModel()).isEqualTo("vibration");
              assertThat(s.getVersion()).isEqualTo("2.0.0");
              assertThat(s.getReason()).isEmpty();
            });
    float[] after = device.agent.infer("vibration", SMALL);
    assertThat(after).isNotEqualTo(before);
    var state = device.awaitStateWith("vibration", "2.0.0", WAIT);
    assertThat(state.getCountersMap())
        .containsKeys("inferences", "inference_errors", "inference_latency_us_total", "anomalies");
    assertThat(state.getCountersMap().get("inferences")).isGreaterThanOrEqualTo(1);
    assertThat(Files.readAllLines(modelDir().resolve("current"))).containsExactly("2.0.0", "1.0.0");
    assertThat(Files.readString(dir.resolve("updates/trust/targets-version"))).isEqualTo("3");

    device.stop();
    device.start();
    assertThat(device.updates().modelVersions()).containsEntry("vibration", "2.0.0");
    assertThat(device.agent.infer("vibration", SMALL)).isEqualTo(after);
    assertThat(device.updates().trusted().targetsVersion()).isEqualTo(3);
  }

  @Test
  void offlineDeviceServesTheVersionOnDisk() throws Exception {
    device.seed("vibration", "1.1.0", TestModels.good("1.1.0", 3f)).offline().start();

    assertThat(device.agent.uplink().state()).isNotEqualTo(dev.tandem.edge.uplink.LinkState.ONLINE);
    assertThat(device.updates().modelVersions()).containsEntry("vibration", "1.1.0");
    assertThat(device.agent.infer("vibration", SMALL)[0]).isGreaterThan(3f);
    assertThat(device.updates().counters()).containsEntry("inferences", 1L);
  }

  @Test
  void failedHealthCheckKeepsTheRunningModelAndDiscardsTheStagedOne() throws Exception {
    device.start();
    device.agent.infer("vibration", SMALL);

    var steps = offer(1, "2.0.0", TestModels.infiniteOutputs("2.0.0"));

    assertThat(steps.get(steps.size() - 2).getStep()).isEqualTo(UpdateStep.UPDATE_STEP_STAGED);
    device.assertRefused(steps, "health_check_failed", "vibration", "1.0.0");
    assertThat(last(steps).getReason()).contains("non-finite");
    assertThat(Files.exists(modelDir().resolve("2.0.0"))).isFalse();
    assertThat(Files.readAllLines(modelDir().resolve("current"))).containsExactly("1.0.0");
  }

  @Test
  void nonFiniteOutputsAfterActivationAreRevertedToThePreviousVersion() throws Exception {
    device.start();
    device.agent.infer("vibration", SMALL);
    var steps = offer(1, "2.0.0", TestModels.overflowsOnLargeInputs("2.0.0"));
    assertThat(last(steps).getStep()).isEqualTo(UpdateStep.UPDATE_STEP_ACTIVE);

    float[] large = {1e10f, 1e10f, 1e10f, 1e10f};
    for (int i = 0; i < 5; i++) {
      // Every answer still comes, from the previous version, while the new one misbehaves.
      float[] answer = device.agent.infer("vibration", large);
      assertThat(Float.isFinite(answer[0]) && Float.isFinite(answer[1])).isTrue();
    }
    var revert = device.awaitFinalStep(WAIT);

    assertThat(last(revert).getStep()).isEqualTo(UpdateStep.UPDATE_STEP_REVERTED);
    assertThat(last(revert).getReason()).startsWith("output_invalid: ");
    assertThat(last(revert).getRolloutId()).isEqualTo("rollout-2.0.0");
    assertThat(device.updates().modelVersions()).containsEntry("vibration", "1.0.0");
    device.awaitStateWith("vibration", "1.0.0", WAIT);
    assertThat(Files.readAllLines(modelDir().resolve("current"))).containsExactly("1.0.0");
  }

  @Test
  void aVersionThatThrowsAtRunTimeIsRevertedAndNotRetried() throws Exception {
    device.start();
    var steps = offer(1, "2.0.0", TestModels.otherInputSize("2.0.0"));
    assertThat(last(steps).getStep()).isEqualTo(UpdateStep.UPDATE_STEP_ACTIVE);

    for (int i = 0; i < 3; i++) {
      device.agent.infer("vibration", SMALL);
    }
    var revert = device.awaitFinalStep(WAIT);

    assertThat(last(revert).getStep()).isEqualTo(UpdateStep.UPDATE_STEP_REVERTED);
    assertThat(last(revert).getReason()).startsWith("runtime_crashed: ");
    assertThat(device.updates().modelVersions()).containsEntry("vibration", "1.0.0");

    var again = offer(2, "2.0.0", TestModels.otherInputSize("2.0.0"));
    assertThat(last(again).getReason()).startsWith("runtime_crashed: version refused before");
  }

  @Test
  void partialDownloadIsResumedWithARangeRequest() throws Exception {
    TargetInfo target = TestRepository.target("vibration", "2.0.0", V2);
    int half = V2.length / 2;
    Path part = dir.resolve("updates/downloads/" + target.sha256() + ".part");
    Files.createDirectories(part.getParent());
    Files.write(part, Arrays.copyOf(V2, half));
    // The store's copy has garbage where the device already has bytes: only a resumed download
    // (Range: bytes=half-) can produce the signed hash.
    byte[] served = V2.clone();
    Arrays.fill(served, 0, half, (byte) 0x55);
    device.start();

    device.publishDesired(
        "rollout-2.0.0",
        repo.targets(1, target),
        List.of(),
        model("vibration", "2.0.0", target.path(), store.put(served)));
    var steps = device.awaitFinalStep(WAIT);

    assertThat(last(steps).getStep())
        .as(last(steps).getReason())
        .isEqualTo(UpdateStep.UPDATE_STEP_ACTIVE);
    assertThat(Files.exists(part)).isFalse();
  }

  @Test
  void brokenTransferIsResumedWhereItStopped() throws Exception {
    TargetInfo target = TestRepository.target("vibration", "2.0.0", V2);
    device.start();
    try (var server = HostileHttpServer.breaksOnce(V2)) {
      device.publishDesired(
          "rollout-2.0.0",
          repo.targets(1, target),
          List.of(),
          model("vibration", "2.0.0", target.path(), server.url()));
      var steps = device.awaitFinalStep(WAIT);

      assertThat(last(steps).getStep())
          .as(last(steps).getReason())
          .isEqualTo(UpdateStep.UPDATE_STEP_ACTIVE);
      assertThat(server.ranges()).containsExactly("none", "bytes=" + V2.length / 2 + "-");
    }
  }

  @Test
  void rollingBackToTheCachedPreviousVersionNeedsNoDownload() throws Exception {
    device.start();
    assertThat(last(offer(1, "2.0.0", V2)).getStep()).isEqualTo(UpdateStep.UPDATE_STEP_ACTIVE);
    TargetInfo v1 = TestRepository.target("vibration", "1.0.0", V1);
    TargetInfo v2 = TestRepository.target("vibration", "2.0.0", V2);

    // Nothing listens at this URL: only the copy on disk can serve the roll back.
    device.publishDesired(
        "rollback-1",
        repo.targets(2, v1, v2),
        List.of(),
        model("vibration", "1.0.0", v1.path(), "http://127.0.0.1:1/gone"));
    var steps = device.awaitFinalStep(WAIT);

    assertThat(last(steps).getStep())
        .as(last(steps).getReason())
        .isEqualTo(UpdateStep.UPDATE_STEP_ACTIVE);
    assertThat(device.updates().modelVersions()).containsEntry("vibration", "1.0.0");
    assertThat(Files.readAllLines(modelDir().resolve("current"))).containsExactly("1.0.0", "2.0.0");
    assertThat(device.agent.infer("vibration", SMALL)).hasSize(2);
  }

  @Test
  void keepsAtMostKeepVersionsOnDisk() throws Exception {
    device.with("keep-versions: 2").start();

    assertThat(last(offer(1, "2.0.0", V2)).getStep()).isEqualTo(UpdateStep.UPDATE_STEP_ACTIVE);
    assertThat(last(offer(2, "3.0.0", TestModels.good("3.0.0", 2f))).getStep())
        .isEqualTo(UpdateStep.UPDATE_STEP_ACTIVE);

    assertThat(Files.readAllLines(modelDir().resolve("current"))).containsExactly("3.0.0", "2.0.0");
    try (var dirs = Files.list(modelDir())) {
      assertThat(dirs.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("3.0.0", "2.0.0", "current");
    }
  }

  @Test
  void expiredDownloadUrlIsFetchedAgainFromTheControlPlane() throws Exception {
    TargetInfo target = TestRepository.target("vibration", "2.0.0", V2);
    String fresh = store.put(V2);
    AtomicInteger asked = new AtomicInteger();
    // Answers GET /api/v1/device/desired as the control plane documents it (docs/provisioning.md).
    HttpServer controlPlane = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    controlPlane.createContext(
        "/api/v1/device/desired",
        exchange -> {
          boolean authorized =
              "Bearer tdd_test".equals(exchange.getRequestHeaders().getFirst("Authorization"));
          asked.incrementAndGet();
          byte[] body =
              ("{\"deviceId\":\"%s\",\"models\":[{\"name\":\"vibration\",\"version\":\"2.0.0\","
                      + "\"targets\":[{\"path\":\"%s\",\"variant\":\"int8\",\"artifactUrl\":\"%s\"}]}]}")
                  .formatted(device.id, target.path(), fresh)
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(authorized ? 200 : 401, authorized ? body.length : -1);
          if (authorized) {
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
    controlPlane.start();
    try {
      String expiring = store.put(V2, 1);
      Thread.sleep(2_100);
      device
          .with(
              "control-plane: http://127.0.0.1:%d\ndevice-token: tdd_test"
                  .formatted(controlPlane.getAddress().getPort()))
          .start();
      device.publishDesired(
          "rollout-2.0.0",
          repo.targets(1, target),
          List.of(),
          model("vibration", "2.0.0", target.path(), expiring));
      var steps = device.awaitFinalStep(WAIT);

      assertThat(last(steps).getStep())
          .as(last(steps).getReason())
          .isEqualTo(UpdateStep.UPDATE_STEP_ACTIVE);
      assertThat(asked).hasValue(1);
    } finally {
      controlPlane.stop(0);
    }
  }
}
