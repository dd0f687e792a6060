package dev.tandem.registry.signing.repository;

import static dev.tandem.registry.signing.repository.Fixture.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.signing.metadata.MetadataSignature;
import dev.tandem.registry.signing.keys.PassphraseKeyStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's metadata verifies with the {@code openssl} command line by exactly the steps of
 * docs/signing-openssl.md, with the protocol module's {@code CanonicalJsonTool} run as its own
 * process like {@code $TOOL} in the document.
 */
class OpenSslVerifiesRepositoryTest {

  private static final String TOOL = "dev.tandem.protocol.signing.CanonicalJsonTool";

  @TempDir Path dir;

  private TufRepository repository;

  @BeforeAll
  static void requireTools() {
    // Required, not assumed: .ci/run installs them, and a skipped check would prove nothing.
    assertThat(runs("openssl", "version"))
        .as("openssl is installed (.ci/run installs it)")
        .isTrue();
    assertThat(runs("xxd", "-v")).as("xxd is installed (.ci/run installs it)").isTrue();
  }

  @BeforeEach
  void setUp() throws IOException {
    MovableClock clock = new MovableClock(Fixture.START);
    PassphraseKeyStore keys = Fixture.keyStore(dir.resolve("keys.json"), clock, 3, 1);
    repository =
        new TufRepository(keys, new InMemoryRepositoryStore(), SigningPolicy.defaults(), clock);
    repository.initialize();
    repository.addTargets(List.of(target("vibration-anomaly", "1.5.0", 48213)));
    Files.write(dir.resolve("root.json"), repository.heads().requireRoot().bytes());
    Files.write(dir.resolve("targets.json"), repository.heads().requireTargets().bytes());
  }

  @Test
  void everyTargetsSignatureVerifiesWithOpenSsl() throws Exception {
    for (MetadataSignature signature :
        repository.heads().requireTargets().envelope().signatures()) {
      assertThat(verifyWithOpenSsl("targets.json", signature.keyId(), "targets"))
          .contains("Signature Verified Successfully");
    }
  }

  @Test
  void everyRootSignatureVerifiesWithOpenSslAndTheThresholdIsMet() throws Exception {
    var signatures = repository.heads().requireRoot().envelope().signatures();
    assertThat(signatures).hasSizeGreaterThanOrEqualTo(2);
    for (MetadataSignature signature : signatures) {
      assertThat(verifyWithOpenSsl("root.json", signature.keyId(), "root"))
          .contains("Signature Verified Successfully");
    }
  }

  @Test
  void aChangedTargetFailsOpenSslVerification() throws Exception {
    String keyId = repository.heads().requireTargets().envelope().signatures().get(0).keyId();
    verifyWithOpenSsl("targets.json", keyId, "targets");
    String signed = Files.readString(dir.resolve("signed.bin"));
    Files.writeString(dir.resolve("signed.bin"), signed.replace("48213", "48214"));

    Result refused =
        sh("openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -in signed.bin -sigfile sig.bin");

    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.output()).contains("Signature Verification Failure");
  }

  @Test
  void jqGivesTheSameSignedBytesAsTheTool() throws Exception {
    assertThat(runs("jq", "--version")).as("jq is installed (.ci/run installs it)").isTrue();
    ok(sh(tool() + " signed targets.json > signed.bin"));
    ok(sh("jq -j -c -S .signed targets.json > signed-jq.bin"));

    assertThat(Files.readAllBytes(dir.resolve("signed-jq.bin")))
        .isEqualTo(Files.readAllBytes(dir.resolve("signed.bin")));
  }

  /** docs/signing-openssl.md, "Verify a signature", steps 1 to 5; returns OpenSSL's output. */
  private String verifyWithOpenSsl(String envelope, String keyId, String role) throws Exception {
    // 1. the bytes the signature covers
    ok(sh(tool() + " signed " + envelope + " > signed.bin"));
    // 2. the signature as 64 raw bytes
    ok(sh(tool() + " signature " + envelope + " " + keyId + " | xxd -r -p > sig.bin"));
    assertThat(Files.size(dir.resolve("sig.bin"))).isEqualTo(64);
    // 3. the public key from the root, and its key id computed by OpenSSL alone
    ok(sh(tool() + " public-key root.json " + keyId + " > pub.hex"));
    String digest =
        ok(
            sh(
                "printf '{\"keytype\":\"ed25519\",\"keyval\":{\"public\":\"%s\"},"
                    + "\"scheme\":\"ed25519\"}' \"$(cat pub.hex)\" | openssl dgst -sha256 -r"));
    assertThat(digest.split(" ")[0]).isEqualTo(keyId);
    if (runs("jq", "--version")) {
      assertThat(ok(sh("jq -r '.signed.roles." + role + ".keyids[]' root.json"))).contains(keyId);
    }
    // 4. raw public key to PEM
    ok(
        sh(
            "(printf '%s' 302a300506032b6570032100; cat pub.hex) | xxd -r -p > pub.der"
                + " && openssl pkey -pubin -inform DER -in pub.der -out pub.pem"));
    // 5. verify
    return ok(
        sh("openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -in signed.bin -sigfile sig.bin"));
  }

  private static String tool() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' " + TOOL;
  }

  private Result sh(String script) throws IOException, InterruptedException {
    return run(dir, List.of("bash", "-o", "pipefail", "-c", script));
  }

  private static String ok(Result result) {
    assertThat(result.exitCode()).as(result.output()).isZero();
    return result.output();
  }

  private static boolean runs(String... command) {
    try {
      return run(Path.of("."), List.of(command)).exitCode() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static Result run(Path directory, List<String> command)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(new ArrayList<>(command))
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("timed out: " + command);
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  private record Result(int exitCode, String output) {}
}
