package dev.tandem.registry.device;

import dev.tandem.registry.auth.token.TokenSecrets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Device-side secrets: 256 random bits in URL-safe base64, behind a prefix that says what they are.
 * Stored as SHA-256 only ({@link TokenSecrets#hash}), for the reason given there.
 */
final class Secrets {

  /** Device tokens, the device's bearer credential for the API. */
  static final String DEVICE_TOKEN = "tdd_";

  /** Enrollment tokens, exchanged once for a device identity. */
  static final String ENROLLMENT_TOKEN = "tde_";

  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** {@code prefix} and 43 characters of URL-safe base64 (256 bits). */
  static String generate(String prefix) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  static byte[] hash(String secret) {
    return TokenSecrets.hash(secret);
  }

  /** A random device id, {@code dev-} and 16 hex digits, for devices that do not choose one. */
  static String deviceId() {
    return "dev-" + String.format("%016x", RANDOM.nextLong());
  }
}
