package dev.tandem.protocol.signing;

import dev.tandem.protocol.signing.metadata.MetadataKey;

/**
 * Signs canonical metadata bytes with one key. Implement it over a KMS or HSM to keep private keys
 * out of the process; {@link Ed25519Signer} holds the key in memory.
 */
public interface MetadataSigner {

  /** The public half of the signing key, as listed in root metadata. */
  MetadataKey publicKey();

  /** The key id signatures are filed under. */
  default String keyId() {
    return publicKey().keyId();
  }

  /**
   * Signs {@code canonicalBytes} (the RFC 8785 form of a {@code signed} object).
   *
   * @return the raw signature (64 bytes for Ed25519)
   * @throws dev.tandem.protocol.ProtocolException with {@code SIGNING_FAILED} if the backend fails
   */
  byte[] sign(byte[] canonicalBytes);
}
