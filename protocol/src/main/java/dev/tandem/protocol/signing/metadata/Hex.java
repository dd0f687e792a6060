package dev.tandem.protocol.signing.metadata;

import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Lower-case hex and SHA-256 helpers for metadata values. */
public final class Hex {

  private static final HexFormat HEX = HexFormat.of();

  private Hex() {}

  /** Lower-case hex of {@code bytes}. */
  public static String encode(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  /**
   * Decodes lower-case hex.
   *
   * @param what the name of the value, for error messages
   * @throws ProtocolException with {@link ProtocolErrorCode#MALFORMED_METADATA} if not lower-case
   *     hex of even length
   */
  public static byte[] decode(String hex, String what) {
    requireHex(hex, -1, what);
    return HEX.parseHex(hex);
  }

  /** Lower-case hex of the SHA-256 of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    return encode(sha256Digest().digest(bytes));
  }

  /** A fresh SHA-256 digest (every JDK has one). */
  public static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /**
   * Checks that {@code hex} is lower-case hex, of {@code chars} characters unless negative.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#MALFORMED_METADATA} naming {@code what}
   */
  static void requireHex(String hex, int chars, String what) {
    if (hex == null || hex.isEmpty()) {
      throw new ProtocolException(
          ProtocolErrorCode.MALFORMED_METADATA, what + " must be a non-empty hex string");
    }
    if (chars >= 0 && hex.length() != chars) {
      throw new ProtocolException(
          ProtocolErrorCode.MALFORMED_METADATA,
          what + " must be " + chars + " hex characters, got " + hex.length());
    }
    if (hex.length() % 2 != 0) {
      throw new ProtocolException(
          ProtocolErrorCode.MALFORMED_METADATA,
          what + " must have an even number of hex characters, got " + hex.length());
    }
    for (int i = 0; i < hex.length(); i++) {
      char c = hex.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        throw new ProtocolException(
            ProtocolErrorCode.MALFORMED_METADATA,
            what + " must be lower-case hex, has '" + c + "' at index " + i);
      }
    }
  }
}
