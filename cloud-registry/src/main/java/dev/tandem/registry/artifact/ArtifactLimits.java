package dev.tandem.registry.artifact;

import dev.tandem.registry.config.TandemConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * The registry's limits from {@code tandem.registry.*}, checked when the application starts: a
 * value out of range stops it, naming the key.
 */
@Startup
@ApplicationScoped
public class ArtifactLimits {
  /** S3's smallest part of a multipart upload but the last. */
  static final long MIN_PART_SIZE = 5L * 1024 * 1024;

  /** SigV4 presigned URLs live at most seven days. */
  static final Duration MAX_URL_TTL = Duration.ofDays(7);

  private final long maxArtifactSize;
  private final long partSize;
  private final Duration urlTtl;

  @Inject
  ArtifactLimits(TandemConfig config) {
    this(
        config.registry().maxArtifactSize().asLongValue(),
        config.registry().uploadPartSize().asLongValue(),
        config.registry().downloadUrlTtl());
  }

  ArtifactLimits(long maxArtifactSize, long partSize, Duration urlTtl) {
    if (maxArtifactSize < 1 || maxArtifactSize > TandemConfig.Registry.MAX_COPYABLE) {
      throw new IllegalArgumentException(
          "tandem.registry.max-artifact-size must be between 1 and 5G, got " + maxArtifactSize);
    }
    if (partSize < MIN_PART_SIZE || partSize > TandemConfig.Registry.MAX_COPYABLE) {
      throw new IllegalArgumentException(
          "tandem.registry.upload-part-size must be between 5M and 5G, got " + partSize);
    }
    if (urlTtl.compareTo(Duration.ofSeconds(1)) < 0 || urlTtl.compareTo(MAX_URL_TTL) > 0) {
      throw new IllegalArgumentException(
          "tandem.registry.download-url-ttl must be between 1s and 7d, got " + urlTtl);
    }
    this.maxArtifactSize = maxArtifactSize;
    this.partSize = partSize;
    this.urlTtl = urlTtl;
  }

  /** The largest artifact accepted, in bytes. */
  public long maxArtifactSize() {
    return maxArtifactSize;
  }

  /** The part size of multipart uploads, in bytes. */
  public long partSize() {
    return partSize;
  }

  /** How long a presigned download URL stays valid unless the caller asks for less. */
  public Duration urlTtl() {
    return urlTtl;
  }
}
