package dev.tandem.protocol.signing;

import static dev.tandem.protocol.signing.MetadataVerifierTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.signing.metadata.Hex;
import dev.tandem.protocol.signing.metadata.MetadataKey;
import dev.tandem.protocol.signing.metadata.MetadataSignature;
import dev.tandem.protocol.signing.metadata.SignedEnvelope;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signatures made by the real {@code openssl} binary and by Java must be interchangeable. */
class OpenSslInteropTest {

  @TempDir Path dir;

  private final Ed25519Signer rootKey = Ed25519Signer.generate();

  @BeforeAll
  static void requireOpenSsl() {
    // Required, not assumed: .ci/run installs it, and a skipped check would prove nothing.
    assertThat(runsOk("openssl", "version"))
        .as("openssl is installed (.ci/run installs it)")
        .isTrue();
  }

  @Test
  void javaVerifierAcceptsTargetsSignedByOpenSsl() throws Exception {
    openssl("genpkey", "-algorithm", "ed25519", "-out", path("key.pem"));
    openssl("pkey", "-in", path("key.pem"), "-pubout", "-outform", "DER", "-out", path("pub.der"));
    byte[] spki = Files.readAllBytes(dir.resolve("pub.der"));
    MetadataKey opensslKey =
        MetadataKey.ed25519(HexFormat.of().formatHex(Arrays.copyOfRange(spki, 12, 44)));
    var root =
        dev.tandem.protocol.signing.metadata.RootMetadata.create(
            1, Repo.NEXT_YEAR, List.of(rootKey.publicKey()), 1, List.of(opensslKey), 1);
    TrustedState pinned = Repo.verifier().pin(Repo.signRoot(root, rootKey));

    SignedEnvelope unsigned = new SignedEnvelope(Repo.targets(3).toJson(), List.of());
    Files.write(dir.resolve("signed.bin"), unsigned.canonicalSigned());
    openssl(
        "pkeyutl",
        "-sign",
        "-inkey",
        path("key.pem"),
        "-rawin",
        "-in",
        path("signed.bin"),
        "-out",
        path("sig.bin"));
    String sig = Hex.encode(Files.readAllBytes(dir.resolve("sig.bin")));
    byte[] envelope =
        unsigned.withSignature(new MetadataSignature(opensslKey.keyId(), sig)).toBytes();

    assertThat(Repo.verifier().updateTargets(pinned, envelope).targetsVersion()).isEqualTo(3);

    byte[] oneByteChanged = changeOneByte(envelope, "\"1.5.0\"", "\"1.5.1\"");
    assertRefused(
        () -> Repo.verifier().updateTargets(pinned, oneByteChanged),
        ProtocolErrorCode.BAD_SIGNATURE,
        opensslKey.keyId());
  }

  @Test
  void openSslVerifiesSignaturesMadeInJavaUsingTheDocumentedSteps() throws Exception {
    Ed25519Signer targetsKey = Ed25519Signer.generate();
    var root = Repo.root(1, List.of(rootKey), 1, List.of(targetsKey), 1);
    Files.write(dir.resolve("root.json"), Repo.signRoot(root, rootKey));
    Files.write(dir.resolve("targets.json"), Repo.signTargets(Repo.targets(3), targetsKey));

    // docs/signing-openssl.md steps 1-3, with CanonicalJsonTool in process.
    Files.write(dir.resolve("signed.bin"), tool("signed", path("targets.json")));
    String sigHex = text(tool("signature", path("targets.json"), targetsKey.keyId()));
    Files.write(dir.resolve("sig.bin"), HexFormat.of().parseHex(sigHex));
    String pubHex = text(tool("public-key", path("root.json"), targetsKey.keyId()));
    Files.write(
        dir.resolve("pub.der"), HexFormat.of().parseHex(Ed25519Keys.SPKI_PREFIX_HEX + pubHex));
    openssl("pkey", "-pubin", "-inform", "DER", "-in", path("pub.der"), "-out", path("pub.pem"));

    Result verified = verify("signed.bin");
    assertThat(verified.exitCode()).isZero();
    assertThat(verified.output()).contains("Signature Verified Successfully");

    byte[] signed = Files.readAllBytes(dir.resolve("signed.bin"));
    Files.write(dir.resolve("tampered.bin"), changeOneByte(signed, "\"1.5.0\"", "\"1.5.1\""));
    Result refused = verify("tampered.bin");
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.output()).contains("Signature Verification Failure");
  }

  private Result verify(String file) throws Exception {
    return run(
        "openssl",
        "pkeyutl",
        "-verify",
        "-pubin",
        "-inkey",
        path("pub.pem"),
        "-rawin",
        "-in",
        path(file),
        "-sigfile",
        path("sig.bin"));
  }

  private byte[] tool(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        CanonicalJsonTool.run(
            args,
            System.in,
            new PrintStream(out),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return out.toByteArray();
  }

  private static String text(byte[] line) {
    return new String(line, StandardCharsets.UTF_8).trim();
  }

  private static byte[] changeOneByte(byte[] bytes, String from, String to) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertThat(text).contains(from);
    byte[] changed = text.replace(from, to).getBytes(StandardCharsets.UTF_8);
    assertThat(changed).hasSameSizeAs(bytes);
    return changed;
  }

  private String path(String name) {
    return dir.resolve(name).toString();
  }

  private void openssl(String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = "openssl";
    System.arraycopy(args, 0, command, 1, args.length);
    Result result = run(command);
    assertThat(result.exitCode()).as("openssl %s: %s", args[0], result.output()).isZero();
  }

  private static boolean runsOk(String... command) {
    try {
      return run(command).exitCode() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static Result run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("timed out: " + String.join(" ", command));
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  private record Result(int exitCode, String output) {}
}
