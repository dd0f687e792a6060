package dev.tandem.protocol.signing;

import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.signing.metadata.MetadataKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Ed25519 keys with the JDK's built-in provider, and conversion between raw 32-byte keys and JDK
 * keys. A raw public key becomes an X.509 SubjectPublicKeyInfo by prefixing {@code
 * 302a300506032b6570032100}; a raw private key (seed) becomes PKCS#8 by prefixing {@code
 * 302e020100300506032b657004220420}.
 */
public final class Ed25519Keys {

  /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), followed by the 32 raw bytes. */
  public static final String SPKI_PREFIX_HEX = "302a300506032b6570032100";

  /** DER prefix of an Ed25519 PKCS#8 private key (RFC 8410), followed by the 32-byte seed. */
  public static final String PKCS8_PREFIX_HEX = "302e020100300506032b657004220420";

  /** Length of raw Ed25519 public keys and seeds, in bytes. */
  public static final int KEY_LENGTH = 32;

  private static final String ALGORITHM = "Ed25519";
  private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex(SPKI_PREFIX_HEX);
  private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex(PKCS8_PREFIX_HEX);

  private Ed25519Keys() {}

  /** Generates a new Ed25519 key pair. */
  public static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no Ed25519 provider", e);
    }
  }

  /**
   * Returns the JDK public key for 32 raw bytes.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#INVALID_KEY} if not 32 bytes
   */
  public static PublicKey publicKey(byte[] raw) {
    requireLength(raw, "Ed25519 public key");
    try {
      return keyFactory().generatePublic(new X509EncodedKeySpec(concat(SPKI_PREFIX, raw)));
    } catch (GeneralSecurityException e) {
      throw new ProtocolException(
          ProtocolErrorCode.INVALID_KEY, "not a valid Ed25519 public key: " + e.getMessage(), e);
    }
  }

  /**
   * Returns the JDK public key for a {@link MetadataKey}.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#INVALID_KEY} if it is not Ed25519
   */
  public static PublicKey publicKey(MetadataKey key) {
    if (!key.isEd25519()) {
      throw new ProtocolException(
          ProtocolErrorCode.INVALID_KEY,
          "key "
              + key.keyId()
              + " has keytype '"
              + key.keyType()
              + "' and scheme '"
              + key.scheme()
              + "'; only ed25519 is supported");
    }
    return publicKey(HexFormat.of().parseHex(key.publicKey()));
  }

  /**
   * Returns the 32 raw bytes of an Ed25519 public key.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#INVALID_KEY} if it is not Ed25519
   */
  public static byte[] rawPublicKey(PublicKey key) {
    return stripPrefix(key.getEncoded(), SPKI_PREFIX, "public key (" + key.getAlgorithm() + ")");
  }

  /** The metadata entry for an Ed25519 public key. */
  public static MetadataKey metadataKey(PublicKey key) {
    return MetadataKey.ed25519(HexFormat.of().formatHex(rawPublicKey(key)));
  }

  /**
   * Returns the JDK private key for a 32-byte Ed25519 seed.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#INVALID_KEY} if not 32 bytes
   */
  public static PrivateKey privateKey(byte[] seed) {
    requireLength(seed, "Ed25519 private key seed");
    try {
      return keyFactory().generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
    } catch (GeneralSecurityException e) {
      throw new ProtocolException(
          ProtocolErrorCode.INVALID_KEY, "not a valid Ed25519 private key: " + e.getMessage(), e);
    }
  }

  /**
   * Returns the 32-byte seed of an Ed25519 private key.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#INVALID_KEY} if it is not Ed25519 or
   *     not exportable
   */
  public static byte[] seed(PrivateKey key) {
    byte[] encoded = key.getEncoded();
    if (encoded == null) {
      throw new ProtocolException(
          ProtocolErrorCode.INVALID_KEY, "private key cannot be exported (held by a token?)");
    }
    return stripPrefix(encoded, PKCS8_PREFIX, "private key (" + key.getAlgorithm() + ")");
  }

  private static byte[] stripPrefix(byte[] encoded, byte[] prefix, String what) {
    if (encoded == null
        || encoded.length != prefix.length + KEY_LENGTH
        || !Arrays.equals(encoded, 0, prefix.length, prefix, 0, prefix.length)) {
      throw new ProtocolException(
          ProtocolErrorCode.INVALID_KEY, what + " is not a DER-encoded Ed25519 key");
    }
    return Arrays.copyOfRange(encoded, prefix.length, encoded.length);
  }

  private static void requireLength(byte[] raw, String what) {
    if (raw == null || raw.length != KEY_LENGTH) {
      throw new ProtocolException(
          ProtocolErrorCode.INVALID_KEY,
          what
              + " must be "
              + KEY_LENGTH
              + " bytes, got "
              + (raw == null ? "none" : raw.length + " bytes"));
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static KeyFactory keyFactory() throws NoSuchAlgorithmException {
    return KeyFactory.getInstance(ALGORITHM);
  }
}
