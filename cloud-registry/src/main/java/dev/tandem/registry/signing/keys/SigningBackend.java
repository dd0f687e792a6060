package dev.tandem.registry.signing.keys;

import dev.tandem.protocol.signing.MetadataSigner;
import dev.tandem.protocol.signing.metadata.MetadataKey;
import java.util.List;
import java.util.Optional;

/**
 * Holds private signing keys and signs with them without handing them out. {@link
 * PassphraseKeyStore} keeps them in an encrypted file; a KMS or HSM implements the same contract.
 * Implementations are thread-safe.
 */
public interface SigningBackend {

  /** Where the keys live, for error messages, e.g. {@code key store /etc/tandem/keys.json}. */
  String describe();

  /** Every key this backend can sign with, oldest first. */
  List<SigningKey> keys();

  /** The key with this id, if this backend holds it. */
  default Optional<SigningKey> key(String keyId) {
    return keys().stream().filter(k -> k.keyId().equals(keyId)).findFirst();
  }

  /**
   * Signs {@code message} with the key {@code keyId}.
   *
   * @return the raw Ed25519 signature, 64 bytes
   * @throws SigningKeyException if this backend does not hold the key or signing fails
   */
  byte[] sign(String keyId, byte[] message);

  /**
   * Creates a new Ed25519 key for {@code purpose} and keeps it durably before returning.
   *
   * @throws SigningKeyException if the key cannot be created or stored
   */
  SigningKey createKey(KeyPurpose purpose);

  /**
   * The key {@code keyId} as a protocol {@link MetadataSigner}, signing through this backend.
   *
   * @throws SigningKeyException if this backend does not hold the key
   */
  default MetadataSigner signer(String keyId) {
    MetadataKey publicKey =
        key(keyId)
            .orElseThrow(
                () ->
                    new SigningKeyException(
                        SigningKeyException.Reason.MISSING_KEY,
                        describe() + " holds no key " + keyId))
            .publicKey();
    return new MetadataSigner() {
      @Override
      public MetadataKey publicKey() {
        return publicKey;
      }

      @Override
      public byte[] sign(byte[] canonicalBytes) {
        return SigningBackend.this.sign(keyId, canonicalBytes);
      }

      @Override
      public String toString() {
        return "signer " + keyId + " of " + describe();
      }
    };
  }
}
