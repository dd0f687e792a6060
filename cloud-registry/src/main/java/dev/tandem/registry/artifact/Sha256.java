package dev.tandem.registry.artifact;

import java.util.regex.Pattern;

/** SHA-256 digests as the registry writes them: 64 lower-case hex digits. */
public final class Sha256 {
  /** The form of a digest. */
  public static final String REGEX = "[0-9a-f]{64}";

  private static final Pattern PATTERN = Pattern.compile(REGEX);

  private Sha256() {}

  /** Whether {@code hex} is 64 lower-case hex digits. */
  public static boolean isValid(String hex) {
    return hex != null && PATTERN.matcher(hex).matches();
  }

  /**
   * {@code hex}, checked.
   *
   * @throws IllegalArgumentException naming {@code field} if it is not 64 lower-case hex digits
   */
  public static String require(String field, String hex) {
    if (!isValid(hex)) {
      throw new IllegalArgumentException(field + " must be 64 lower-case hex digits");
    }
    return hex;
  }

  /** The object key of the artifact with this digest. */
  public static String objectKey(String hex) {
    return "artifacts/sha256/" + require("sha256", hex);
  }
}
