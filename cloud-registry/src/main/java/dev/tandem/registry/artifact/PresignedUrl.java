package dev.tandem.registry.artifact;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A short-lived URL that fetches one artifact without credentials.
 *
 * @param url an HTTP GET URL, signed (SigV4) for the store host devices reach
 * @param expiresAt when the store stops honouring it
 * @param sha256 the artifact's digest, to check the download against
 * @param length the artifact's length in bytes
 */
public record PresignedUrl(URI url, Instant expiresAt, String sha256, long length) {
  public PresignedUrl {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Sha256.require("sha256", sha256);
    if (length < 0) {
      throw new IllegalArgumentException("length must be >= 0, got " + length);
    }
  }
}
