package dev.tandem.protocol.signing;

import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.signing.metadata.Hex;
import dev.tandem.protocol.signing.metadata.TargetInfo;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Checks an artifact against its signed target entry. Use an instance while downloading: it refuses
 * as soon as more bytes arrive than the signed length, so an endless download is cut off. Not
 * thread-safe.
 */
public final class TargetCheck {

  private final TargetInfo target;
  private final MessageDigest digest = Hex.sha256Digest();
  private long received;

  private TargetCheck(TargetInfo target) {
    this.target = Objects.requireNonNull(target, "target");
  }

  /** Starts checking a download of {@code target}. */
  public static TargetCheck start(TargetInfo target) {
    return new TargetCheck(target);
  }

  /**
   * Checks a complete artifact held in memory.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#LENGTH_MISMATCH} or {@link
   *     ProtocolErrorCode#HASH_MISMATCH}
   */
  public static void verify(TargetInfo target, byte[] artifact) {
    TargetCheck check = start(target);
    check.update(artifact, 0, artifact.length);
    check.finish();
  }

  /**
   * Checks an artifact by its length and SHA-256, e.g. as computed by an object store.
   *
   * @param sha256 lower- or upper-case hex
   * @throws ProtocolException with {@link ProtocolErrorCode#LENGTH_MISMATCH} or {@link
   *     ProtocolErrorCode#HASH_MISMATCH}
   */
  public static void verify(TargetInfo target, long length, String sha256) {
    if (length != target.length()) {
      throw lengthMismatch(target, length + " bytes");
    }
    if (!target.sha256().equalsIgnoreCase(sha256)) {
      throw hashMismatch(target, sha256);
    }
  }

  /**
   * Reads {@code in} to the end and checks it; stops reading past the signed length.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#LENGTH_MISMATCH} or {@link
   *     ProtocolErrorCode#HASH_MISMATCH}
   * @throws IOException if reading fails
   */
  public static void verify(TargetInfo target, InputStream in) throws IOException {
    TargetCheck check = start(target);
    byte[] buffer = new byte[64 * 1024];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      check.update(buffer, 0, n);
    }
    check.finish();
  }

  /**
   * Feeds the next downloaded bytes.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#LENGTH_MISMATCH} once more bytes than
   *     the signed length have arrived
   */
  public void update(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (length > target.length() - received) {
      throw lengthMismatch(target, "more than " + target.length() + " bytes (download cut off)");
    }
    received += length;
    digest.update(bytes, offset, length);
  }

  /** Bytes received so far. */
  public long received() {
    return received;
  }

  /**
   * Checks the complete artifact.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#LENGTH_MISMATCH} if fewer bytes than
   *     signed arrived, {@link ProtocolErrorCode#HASH_MISMATCH} if the SHA-256 differs
   */
  public void finish() {
    if (received != target.length()) {
      throw lengthMismatch(target, received + " bytes");
    }
    String actual = Hex.encode(digest.digest());
    if (!actual.equals(target.sha256())) {
      throw hashMismatch(target, actual);
    }
  }

  private static ProtocolException lengthMismatch(TargetInfo target, String actual) {
    return new ProtocolException(
        ProtocolErrorCode.LENGTH_MISMATCH,
        "artifact for target '"
            + target.path()
            + "' has "
            + actual
            + " but its signed length is "
            + target.length()
            + " bytes");
  }

  private static ProtocolException hashMismatch(TargetInfo target, String actual) {
    return new ProtocolException(
        ProtocolErrorCode.HASH_MISMATCH,
        "artifact for target '"
            + target.path()
            + "' has sha256 "
            + actual
            + " but its signed sha256 is "
            + target.sha256());
  }
}
