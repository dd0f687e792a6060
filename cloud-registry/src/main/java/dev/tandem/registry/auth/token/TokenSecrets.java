package dev.tandem.registry.auth.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Makes and hashes API token secrets: {@code tdm_} followed by 256 random bits in URL-safe base64.
 *
 * <p>Tokens are stored as plain SHA-256, not with a slow password hash (bcrypt, Argon2): a slow
 * hash protects secrets of low entropy that people choose against offline guessing, whereas a
 * 256-bit random secret cannot be guessed at any hashing speed. A fast hash lets every request be
 * checked with one indexed lookup instead of a deliberately slow computation.
 */
public final class TokenSecrets {
  /** The prefix of every API token; device tokens use {@code tdd_}. */
  public static final String PREFIX = "tdm_";

  /** What a token looks like: the prefix and at least 32 URL-safe base64 characters. */
  public static final Pattern FORMAT = Pattern.compile("tdm_[A-Za-z0-9_-]{32,256}");

  private static final int SECRET_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenSecrets() {}

  /** A new token with 256 bits from a {@link SecureRandom}. */
  public static String generate() {
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(secret);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** The SHA-256 of the token's UTF-8 bytes, as stored. */
  public static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** {@link #hash(String)} as 64 lower-case hex digits. */
  public static String hashHex(String token) {
    return HexFormat.of().formatHex(hash(token));
  }

  /** Whether {@code token} has the form of an API token. */
  public static boolean looksLikeToken(String token) {
    return token != null && FORMAT.matcher(token).matches();
  }
}
