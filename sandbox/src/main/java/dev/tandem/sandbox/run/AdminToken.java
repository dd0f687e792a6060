package dev.tandem.sandbox.run;

import dev.tandem.servers.ServerStartException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The sandbox's admin API token: made once per data directory and kept in a file readable by its
 * owner only, so a kept sandbox answers to the same token after a restart. The control plane gets
 * only its SHA-256 ({@code tandem.auth.bootstrap-token=sha256:<hex>}), never the secret.
 *
 * @param token the secret, {@code tdm_} and 43 URL-safe base64 characters
 * @param file where it is kept
 */
public record AdminToken(String token, Path file) {
  private static final Pattern FORMAT = Pattern.compile("tdm_[A-Za-z0-9_-]{43}");

  /** Validates the token's format. */
  public AdminToken {
    if (token == null || !FORMAT.matcher(token).matches()) {
      throw new IllegalArgumentException(
          "admin token in " + file + " must be tdm_ and 43 URL-safe base64 characters");
    }
  }

  /**
   * The token kept in {@code file}, or a new one written there (mode {@code rw-------}).
   *
   * @throws ServerStartException if the file cannot be read or written, or holds no valid token
   */
  public static AdminToken loadOrCreate(Path file) {
    String token = SecretFile.loadOrCreate(file, "tdm_", "cloud-registry: the admin token");
    try {
      return new AdminToken(token, file);
    } catch (IllegalArgumentException e) {
      throw new ServerStartException(
          "cloud-registry: " + e.getMessage() + "; delete the file to get a new one", e);
    }
  }

  /** {@code sha256:<hex>} of the token, the form the control plane's configuration takes. */
  public String configValue() {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Never the secret: records print where the token is, not what it is. */
  @Override
  public String toString() {
    return "AdminToken[" + file + "]";
  }
}
