package dev.tandem.registry.signing.keys;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a key store file: the public facts in clear, the Ed25519 seed sealed with AES-GCM.
 *
 * @param keyId the TUF key id of {@code publicKey}
 * @param purpose the role the key was created for
 * @param publicKey the raw public key, 64 lower-case hex characters
 * @param created when the key was created
 * @param nonce the 12-byte AES-GCM nonce, hex
 * @param sealed the AES-GCM ciphertext and tag of the 32-byte seed, hex
 */
record SealedKey(
    String keyId,
    KeyPurpose purpose,
    String publicKey,
    Instant created,
    String nonce,
    String sealed) {

  SealedKey {
    Objects.requireNonNull(keyId, "keyid");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(publicKey, "public");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(sealed, "sealed");
  }

  /**
   * The additional authenticated data of the seal: binds the ciphertext to its key id and purpose,
   * so an entry cannot be relabelled or given another key's public half without failing to open.
   */
  byte[] associatedData() {
    return associatedData(keyId, purpose);
  }

  static byte[] associatedData(String keyId, KeyPurpose purpose) {
    return ("tandem-signing-key:" + keyId + ":" + purpose.label())
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
