package dev.tandem.sandbox.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** Artifact bytes for demos and benchmarks, and their digests. */
public final class Artifacts {
  private Artifacts() {}

  /** {@code length} bytes that depend only on {@code label}: the same label, the same artifact. */
  public static byte[] of(String label, int length) {
    byte[] bytes = new byte[length];
    new Random(label.hashCode()).nextBytes(bytes);
    byte[] prefix = ("tandem-artifact:" + label + "\n").getBytes(StandardCharsets.UTF_8);
    System.arraycopy(prefix, 0, bytes, 0, Math.min(prefix.length, length));
    return bytes;
  }

  /** The SHA-256 of {@code bytes}, 64 lower-case hex digits. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
