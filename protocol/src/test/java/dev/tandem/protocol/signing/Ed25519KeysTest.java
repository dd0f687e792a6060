package dev.tandem.protocol.signing;

import static dev.tandem.protocol.signing.MetadataVerifierTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.ProtocolErrorCode;
import java.security.KeyPair;
import java.security.Signature;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Ed25519KeysTest {

  @Test
  void rawPublicKeyIsTheSpkiEncodingWithoutItsPrefix() {
    KeyPair pair = Ed25519Keys.generate();

    byte[] raw = Ed25519Keys.rawPublicKey(pair.getPublic());

    assertThat(raw).hasSize(32);
    assertThat(HexFormat.of().formatHex(pair.getPublic().getEncoded()))
        .isEqualTo(Ed25519Keys.SPKI_PREFIX_HEX + HexFormat.of().formatHex(raw));
    assertThat(Ed25519Keys.publicKey(raw)).isEqualTo(pair.getPublic());
  }

  @Test
  void privateKeyRebuiltFromItsSeedSignsForTheSamePublicKey() throws Exception {
    KeyPair pair = Ed25519Keys.generate();
    byte[] seed = Ed25519Keys.seed(pair.getPrivate());

    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(Ed25519Keys.privateKey(seed));
    signer.update(new byte[] {1, 2, 3});
    byte[] signature = signer.sign();

    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(pair.getPublic());
    verifier.update(new byte[] {1, 2, 3});
    assertThat(verifier.verify(signature)).isTrue();
  }

  @Test
  void metadataKeyCarriesTheRawPublicKeyAsHex() {
    KeyPair pair = Ed25519Keys.generate();

    var key = Ed25519Keys.metadataKey(pair.getPublic());

    assertThat(key.publicKey())
        .isEqualTo(HexFormat.of().formatHex(Ed25519Keys.rawPublicKey(pair.getPublic())));
    assertThat(Ed25519Keys.publicKey(key)).isEqualTo(pair.getPublic());
  }

  @Test
  void refusesKeysOfTheWrongLength() {
    assertRefused(
        () -> Ed25519Keys.publicKey(new byte[31]),
        ProtocolErrorCode.INVALID_KEY,
        "Ed25519 public key must be 32 bytes, got 31 bytes");
    assertRefused(
        () -> Ed25519Keys.privateKey(new byte[33]),
        ProtocolErrorCode.INVALID_KEY,
        "Ed25519 private key seed must be 32 bytes, got 33 bytes");
  }

  @Test
  void refusesNonEd25519Keys() throws Exception {
    var rsa = java.security.KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);

    assertRefused(
        () -> Ed25519Keys.rawPublicKey(rsa.generateKeyPair().getPublic()),
        ProtocolErrorCode.INVALID_KEY,
        "public key (RSA) is not a DER-encoded Ed25519 key");
  }
}
