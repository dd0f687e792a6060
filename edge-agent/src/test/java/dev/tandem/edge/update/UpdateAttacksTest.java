package dev.tandem.edge.update;

import static dev.tandem.edge.update.TestDevice.last;
import static dev.tandem.edge.update.TestDevice.model;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.signing.metadata.TargetInfo;
import dev.tandem.protocol.v1.UpdateStepReport;
import dev.tandem.servers.MqttEndpoint;
import dev.tandem.servers.S3Endpoint;
import dev.tandem.testkit.WithRealServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every attack the update client must refuse, end to end: a real agent on the real broker gets a
 * retained desired state, downloads from the real S3 store by presigned URL (or from a hostile HTTP
 * server), and reports its refusal with its own reason while it keeps serving version 1.0.0.
 */
@WithRealServers
class UpdateAttacksTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final byte[] V1 = TestModels.good("1.0.0", 0f);
  private static final byte[] V2 = TestModels.good("2.0.0", 1f);
  private static ArtifactStore store;

  @TempDir Path dir;
  private final TestRepository repo = new TestRepository();
  private final TargetInfo v2 = TestRepository.target("vibration", "2.0.0", V2);
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

  private List<UpdateStepReport> offer(
      byte[] targets, List<byte[]> roots, TargetInfo target, String url) throws Exception {
    device.publishDesired(
        "rollout-1", targets, roots, model("vibration", "2.0.0", target.path(), url));
    return device.awaitFinalStep(WAIT);
  }

  @Test
  void tamperedArtifactIsRefusedByItsHash() throws Exception {
    device.start();
    byte[] tampered = V2.clone();
    tampered[tampered.length - 1] ^= 1;
    var steps = offer(repo.targets(1, v2), List.of(), v2, store.put(tampered));
    device.assertRefused(steps, "hash_mismatch", "vibration", "1.0.0");
  }

  @Test
  void tamperedMetadataIsRefusedByItsSignature() throws Exception {
    device.start();
    String signed = TestDevice.text(repo.targets(1, v2));
    String tampered = signed.replace("\"length\":" + V2.length, "\"length\":" + (V2.length + 1));
    assertThat(tampered).isNotEqualTo(signed);
    var steps = offer(tampered.getBytes(StandardCharsets.UTF_8), List.of(), v2, store.put(V2));
    device.assertRefused(steps, "signature_invalid", "vibration", "1.0.0");
  }

  @Test
  void metadataSignedByAnUnknownKeyIsRefused() throws Exception {
    device.start();
    byte[] targets = repo.targets(1, TestRepository.inADay(), List.of(repo.strangerKey), v2);
    var steps = offer(targets, List.of(), v2, store.put(V2));
    device.assertRefused(steps, "unknown_key", "vibration", "1.0.0");
  }

  @Test
  void fewerSignaturesThanTheThresholdAreRefused() throws Exception {
    device.start();
    byte[] targets = repo.targets(1, TestRepository.inADay(), List.of(repo.targetsKeyA), v2);
    var steps = offer(targets, List.of(), v2, store.put(V2));
    device.assertRefused(steps, "signatures_below_threshold", "vibration", "1.0.0");
  }

  @Test
  void expiredMetadataIsRefused() throws Exception {
    device.start();
    byte[] targets =
        repo.targets(
            1, Instant.now().minusSeconds(3600), List.of(repo.targetsKeyA, repo.targetsKeyB), v2);
    var steps = offer(targets, List.of(), v2, store.put(V2));
    device.assertRefused(steps, "metadata_expired", "vibration", "1.0.0");
  }

  @Test
  void replayOfOlderMetadataIsRefusedAfterRestart() throws Exception {
    device.seenTargetsVersion(7).start();
    var steps = offer(repo.targets(6, v2), List.of(), v2, store.put(V2));
    device.assertRefused(steps, "metadata_rollback", "vibration", "1.0.0");
    assertThat(device.updates().trusted().targetsVersion()).isEqualTo(7);
  }

  @Test
  void artifactOfAnotherTargetIsRefused() throws Exception {
    device.start();
    byte[] other = TestModels.good("1.0.0", 5f);
    TargetInfo temperature = TestRepository.target("temperature", "1.0.0", other);
    // Both are signed; the desired state asks for vibration 2.0.0 but points at temperature's.
    var steps = offer(repo.targets(1, v2, temperature), List.of(), temperature, store.put(other));
    device.assertRefused(steps, "target_mismatch", "vibration", "1.0.0");
  }

  @Test
  void oversizedDownloadIsRefused() throws Exception {
    device.start();
    byte[] bigger = new byte[V2.length + 100_000];
    System.arraycopy(V2, 0, bigger, 0, V2.length);
    var steps = offer(repo.targets(1, v2), List.of(), v2, store.put(bigger));
    device.assertRefused(steps, "download_too_large", "vibration", "1.0.0");
  }

  @Test
  void endlessDownloadIsCutOffAtTheSignedLength() throws Exception {
    device.start();
    try (var server = HostileHttpServer.endless(0)) {
      long start = System.nanoTime();
      var steps = offer(repo.targets(1, v2), List.of(), v2, server.url());
      device.assertRefused(steps, "download_too_large", "vibration", "1.0.0");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(server.bytesSent()).isLessThan(10_000_000);
    }
  }

  @Test
  void endlessSlowDownloadEndsAtTheDownloadTimeout() throws Exception {
    byte[] large = new byte[1 << 20];
    TargetInfo big = TestRepository.target("vibration", "2.0.0", large);
    device.with("download-timeout: 1500ms").start();
    try (var server = HostileHttpServer.endless(50)) {
      long start = System.nanoTime();
      var steps = offer(repo.targets(1, big), List.of(), big, server.url());
      device.assertRefused(steps, "download_timeout", "vibration", "1.0.0");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
    }
  }

  @Test
  void rootRotationNotSignedByTheOldRootIsRefused() throws Exception {
    device.start();
    var newRootKey = dev.tandem.protocol.signing.Ed25519Signer.generate();
    byte[] root2 = repo.root(2, List.of(newRootKey), List.of(newRootKey));
    var steps = offer(repo.targets(1, v2), List.of(root2), v2, store.put(V2));
    device.assertRefused(steps, "root_rotation_unsigned", "vibration", "1.0.0");
    assertThat(device.updates().trusted().root().version()).isEqualTo(1);
  }

  @Test
  void rootRotationSignedByOldAndNewRootIsAppliedAndKept() throws Exception {
    device.start();
    var newRootKey = dev.tandem.protocol.signing.Ed25519Signer.generate();
    byte[] root2 = repo.root(2, List.of(newRootKey), List.of(repo.rootKey, newRootKey));
    // The chain from root 1 is carried whole; the device skips roots it has.
    var steps = offer(repo.targets(1, v2), List.of(repo.root1(), root2), v2, store.put(V2));
    assertThat(last(steps).getStep().name()).isEqualTo("UPDATE_STEP_ACTIVE");
    device.stop();
    device.start();
    assertThat(device.updates().trusted().root().version()).isEqualTo(2);
  }

  @Test
  void malformedDesiredStateIsReportedAndTheNextOneStillApplies() throws Exception {
    device.start();
    device.publishRaw(new byte[] {0x0a, 0x7f, 0x01});
    var steps = device.awaitFinalStep(WAIT);
    assertThat(last(steps).getReason()).startsWith("payload_malformed: ");
    var next = offer(repo.targets(1, v2), List.of(), v2, store.put(V2));
    assertThat(last(next).getStep().name()).isEqualTo("UPDATE_STEP_ACTIVE");
    assertThat(Files.exists(dir.resolve("updates/models/vibration/2.0.0/model.bin"))).isTrue();
  }
}
