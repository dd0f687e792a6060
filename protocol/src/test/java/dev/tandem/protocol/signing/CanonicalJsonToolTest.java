package dev.tandem.protocol.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CanonicalJsonToolTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void canonicalizesStandardInput() {
    int status = run("{ \"b\": 1, \"a\": [true, null] }", "canonical", "-");

    assertThat(status).isEqualTo(CanonicalJsonTool.OK);
    assertThat(stdout()).isEqualTo("{\"a\":[true,null],\"b\":1}");
  }

  @Test
  void printsExactlyTheBytesSignaturesCover() throws Exception {
    Ed25519Signer key = Ed25519Signer.generate();
    var envelope = MetadataSigning.sign(Repo.targets(2), List.of(key));
    Path file = dir.resolve("targets.json");
    Files.write(file, envelope.toBytes());

    assertThat(run("", "signed", file.toString())).isZero();
    assertThat(out.toByteArray()).isEqualTo(envelope.canonicalSigned());

    out.reset();
    assertThat(run("", "signature", file.toString(), key.keyId())).isZero();
    assertThat(stdout()).isEqualTo(envelope.signatures().get(0).sig() + "\n");
  }

  @Test
  void printsPublicKeyAndKeyId() throws Exception {
    Ed25519Signer rootKey = Ed25519Signer.generate();
    Path file = dir.resolve("root.json");
    Files.write(
        file, Repo.signRoot(Repo.root(1, List.of(rootKey), 1, List.of(rootKey), 1), rootKey));

    assertThat(run("", "public-key", file.toString(), rootKey.keyId())).isZero();
    String publicHex = stdout().trim();
    assertThat(publicHex).isEqualTo(rootKey.publicKey().publicKey());

    out.reset();
    assertThat(run("", "keyid", publicHex)).isZero();
    assertThat(stdout().trim()).isEqualTo(rootKey.keyId());
  }

  @Test
  void reportsRefusalWithItsCode() {
    int status = run("[1.5]", "canonical", "-");

    assertThat(status).isEqualTo(CanonicalJsonTool.REFUSED);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("refused (NON_CANONICAL_JSON)")
        .contains("floating-point number 1.5");
  }

  @Test
  void reportsMissingSignature() throws Exception {
    Path file = dir.resolve("targets.json");
    Files.write(file, MetadataSigning.sign(Repo.targets(2), List.of()).toBytes());

    assertThat(run("", "signature", file.toString(), "ab".repeat(32)))
        .isEqualTo(CanonicalJsonTool.REFUSED);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("has no signature by key abab");
  }

  @Test
  void printsUsageForUnknownCommandOrWrongArguments() {
    assertThat(run("", "sign", "x")).isEqualTo(CanonicalJsonTool.USAGE);
    assertThat(run("", "signature", "x")).isEqualTo(CanonicalJsonTool.USAGE);
    assertThat(run("")).isEqualTo(CanonicalJsonTool.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: CanonicalJsonTool");
  }

  private int run(String stdin, String... args) {
    return CanonicalJsonTool.run(
        args,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }
}
