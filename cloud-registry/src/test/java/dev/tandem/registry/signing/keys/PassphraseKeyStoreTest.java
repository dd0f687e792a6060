package dev.tandem.registry.signing.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.signing.Ed25519Keys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassphraseKeyStoreTest {

  private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
  private static final InstantSource CLOCK =
      InstantSource.fixed(Instant.parse("2026-03-01T10:00:00.700Z"));

  @TempDir Path dir;

  private Path file() {
    return dir.resolve("keys.json");
  }

  private PassphraseKeyStore createWithTwoKeys() {
    PassphraseKeyStore store = PassphraseKeyStore.create(file(), PASSPHRASE, 1_000, CLOCK);
    store.createKey(KeyPurpose.ROOT);
    store.createKey(KeyPurpose.TARGETS);
    return store;
  }

  @Test
  void reopenedStoreSignsWithTheSameKeys() throws Exception {
    PassphraseKeyStore created = createWithTwoKeys();

    PassphraseKeyStore reopened = PassphraseKeyStore.open(file(), PASSPHRASE, CLOCK);

    assertThat(reopened.keys()).isEqualTo(created.keys());
    assertThat(reopened.keys().get(0).created()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
    SigningKey root = reopened.keys().get(0);
    assertThat(root.purpose()).isEqualTo(KeyPurpose.ROOT);
    byte[] message = "canonical bytes".getBytes(StandardCharsets.UTF_8);
    byte[] signature = reopened.sign(root.keyId(), message);
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(Ed25519Keys.publicKey(root.publicKey()));
    verifier.update(message);
    assertThat(verifier.verify(signature)).isTrue();
  }

  @Test
  void fileHoldsNoPrivateKeyInClearAndIsOwnerOnly() throws Exception {
    createWithTwoKeys();

    String text = Files.readString(file());
    assertThat(text)
        .contains("\"format\" : \"tandem-signing-keys/1\"")
        .contains("PBKDF2WithHmacSHA256");
    assertThat(text).doesNotContain(Ed25519Keys.PKCS8_PREFIX_HEX);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file())))
        .isEqualTo("rw-------");
  }

  @Test
  void wrongPassphraseIsRefusedAsSuch() {
    createWithTwoKeys();

    assertThatThrownBy(() -> PassphraseKeyStore.open(file(), "wrong".toCharArray(), CLOCK))
        .isInstanceOf(SigningKeyException.class)
        .hasMessageContaining("does not open key store " + file())
        .extracting(e -> ((SigningKeyException) e).reason())
        .isEqualTo(SigningKeyException.Reason.WRONG_PASSPHRASE);
  }

  @Test
  void missingFileIsNamed() {
    assertThatThrownBy(() -> PassphraseKeyStore.open(file(), PASSPHRASE, CLOCK))
        .isInstanceOf(SigningKeyException.class)
        .hasMessageContaining(file() + " does not exist")
        .extracting(e -> ((SigningKeyException) e).reason())
        .isEqualTo(SigningKeyException.Reason.MISSING_FILE);
  }

  @Test
  void fileThatIsNotJsonIsMalformed() throws Exception {
    Files.writeString(file(), "not json {");

    assertThatThrownBy(() -> PassphraseKeyStore.open(file(), PASSPHRASE, CLOCK))
        .isInstanceOf(SigningKeyException.class)
        .hasMessageContaining("is not a Tandem key store: it is not JSON")
        .extracting(e -> ((SigningKeyException) e).reason())
        .isEqualTo(SigningKeyException.Reason.MALFORMED);
  }

  @Test
  void missingFieldIsNamedWithItsPath() throws Exception {
    createWithTwoKeys();
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(file().toFile());
    ((ObjectNode) json.withArray("keys").get(1)).remove("nonce");
    Files.write(file(), new ObjectMapper().writeValueAsBytes(json));

    assertThatThrownBy(() -> PassphraseKeyStore.open(file(), PASSPHRASE, CLOCK))
        .isInstanceOf(SigningKeyException.class)
        .hasMessageContaining("keys[1].nonce must be a non-empty string");
  }

  @Test
  void oneChangedCiphertextIsCorruptionNotAWrongPassphrase() throws Exception {
    createWithTwoKeys();
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(file().toFile());
    ObjectNode second = (ObjectNode) json.withArray("keys").get(1);
    String sealed = second.get("sealed").asText();
    second.put("sealed", (sealed.charAt(0) == 'a' ? "b" : "a") + sealed.substring(1));
    Files.write(file(), new ObjectMapper().writeValueAsBytes(json));

    assertThatThrownBy(() -> PassphraseKeyStore.open(file(), PASSPHRASE, CLOCK))
        .isInstanceOf(SigningKeyException.class)
        .hasMessageContaining("is corrupt")
        .hasMessageContaining(second.get("keyid").asText())
        .extracting(e -> ((SigningKeyException) e).reason())
        .isEqualTo(SigningKeyException.Reason.CORRUPT);
  }

  @Test
  void relabellingAKeysPurposeBreaksItsSeal() throws Exception {
    createWithTwoKeys();
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(file().toFile());
    ((ObjectNode) json.withArray("keys").get(1)).put("purpose", "root");
    Files.write(file(), new ObjectMapper().writeValueAsBytes(json));

    assertThatThrownBy(() -> PassphraseKeyStore.open(file(), PASSPHRASE, CLOCK))
        .extracting(e -> ((SigningKeyException) e).reason())
        .isEqualTo(SigningKeyException.Reason.CORRUPT);
  }

  @Test
  void createRefusesToOverwriteAnExistingFile() {
    createWithTwoKeys();

    assertThatThrownBy(() -> PassphraseKeyStore.create(file(), PASSPHRASE, 1_000, CLOCK))
        .isInstanceOf(SigningKeyException.class)
        .hasMessageContaining("already exists");
    assertThat(PassphraseKeyStore.open(file(), PASSPHRASE, CLOCK).keys()).hasSize(2);
  }

  @Test
  void signingWithAnUnknownKeyIsRefused() {
    PassphraseKeyStore store = createWithTwoKeys();

    assertThatThrownBy(() -> store.sign("ab".repeat(32), new byte[1]))
        .isInstanceOf(SigningKeyException.class)
        .hasMessageContaining("holds no key " + "ab".repeat(32))
        .extracting(e -> ((SigningKeyException) e).reason())
        .isEqualTo(SigningKeyException.Reason.MISSING_KEY);
  }

  @Test
  void emptyPassphraseIsRefused() {
    assertThatThrownBy(() -> PassphraseKeyStore.create(file(), new char[0], 1_000, CLOCK))
        .isInstanceOf(SigningKeyException.class)
        .hasMessageContaining("passphrase is empty");
  }
}
