package dev.tandem.protocol.signing;

import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.signing.metadata.MetadataKey;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Objects;

/** A {@link MetadataSigner} holding an Ed25519 private key in memory (JDK provider). */
public final class Ed25519Signer implements MetadataSigner {

  private final PrivateKey privateKey;
  private final MetadataKey publicKey;

  /**
   * Creates a signer for a key pair.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#INVALID_KEY} if not Ed25519
   */
  public Ed25519Signer(KeyPair keyPair) {
    Objects.requireNonNull(keyPair, "keyPair");
    this.privateKey = Objects.requireNonNull(keyPair.getPrivate(), "keyPair.private");
    this.publicKey = Ed25519Keys.metadataKey(keyPair.getPublic());
  }

  /** A signer with a freshly generated key, for tests and first-time setup. */
  public static Ed25519Signer generate() {
    return new Ed25519Signer(Ed25519Keys.generate());
  }

  @Override
  public MetadataKey publicKey() {
    return publicKey;
  }

  @Override
  public byte[] sign(byte[] canonicalBytes) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(privateKey);
      signature.update(canonicalBytes);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new ProtocolException(
          ProtocolErrorCode.SIGNING_FAILED,
          "Ed25519 signing with key " + publicKey.keyId() + " failed: " + e.getMessage(),
          e);
    }
  }

  @Override
  public String toString() {
    return "Ed25519Signer[" + publicKey.keyId() + "]";
  }
}
