package dev.tandem.servers.stack;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/** The key pair the embedded S3 server accepts. */
public record S3Credentials(String accessKey, String secretKey) {
  public S3Credentials {
    Objects.requireNonNull(accessKey, "accessKey");
    Objects.requireNonNull(secretKey, "secretKey");
    if (accessKey.length() < 3 || secretKey.length() < 8) {
      throw new IllegalArgumentException(
          "s3 access key needs at least 3 characters and secret key at least 8");
    }
  }

  /** Fresh random credentials, for a run that nobody else needs to reach. */
  public static S3Credentials random() {
    byte[] secret = new byte[20];
    new SecureRandom().nextBytes(secret);
    return new S3Credentials("tandem", HexFormat.of().formatHex(secret));
  }

  @Override
  public String toString() {
    return "S3Credentials[accessKey=" + accessKey + "]";
  }
}
