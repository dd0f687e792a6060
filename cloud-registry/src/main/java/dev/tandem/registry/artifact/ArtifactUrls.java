package dev.tandem.registry.artifact;

import dev.tandem.registry.config.TandemConfig;
import dev.tandem.registry.error.ErrorCode;
import dev.tandem.registry.error.RegistryException;
import dev.tandem.registry.storage.ObjectStore;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.MinioClient;
import io.minio.errors.MinioException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Presigned GET URLs for stored artifacts, for devices, which never hold store credentials. The
 * URLs name {@code tandem.s3.public-url} (default {@code tandem.s3.url}): a SigV4 signature covers
 * the host, so the URL must name the host the device fetches from. Signing is local: no request
 * reaches the store.
 */
@ApplicationScoped
public class ArtifactUrls {
  private final MinioClient signer;
  private final String bucket;
  private final ArtifactTable table;
  private final ArtifactLimits limits;
  private final Clock clock;
  private final SignedUrlCache recent;

  @Inject
  ArtifactUrls(TandemConfig config, ObjectStore store, ArtifactTable table, ArtifactLimits limits) {
    this(signer(config.s3()), store.bucket(), table, limits, Clock.systemUTC());
  }

  ArtifactUrls(
      MinioClient signer, String bucket, ArtifactTable table, ArtifactLimits limits, Clock clock) {
    this.signer = signer;
    this.bucket = bucket;
    this.table = table;
    this.limits = limits;
    this.clock = clock;
    this.recent = new SignedUrlCache(clock);
  }

  /** A client that only signs, for the public URL of the store. */
  static MinioClient signer(TandemConfig.S3 s3) {
    // The region is given, so the SDK never asks the store for the bucket's location.
    return MinioClient.builder()
        .endpoint(s3.publicUrl().orElse(s3.url()))
        .region(s3.region())
        .credentials(s3.accessKey(), s3.secretKey())
        .build();
  }

  /** {@link #presign(String, Duration)} with {@code tandem.registry.download-url-ttl}. */
  public PresignedUrl presign(String sha256) {
    return presign(sha256, limits.urlTtl());
  }

  /**
   * A GET URL for the stored artifact with this digest, valid for {@code ttl}.
   *
   * @param ttl 1 second to 7 days
   * @throws RegistryException {@code ARTIFACT_NOT_UPLOADED} if no artifact with this digest is
   *     stored
   */
  public PresignedUrl presign(String sha256, Duration ttl) {
    Sha256.require("sha256", sha256);
    if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(ArtifactLimits.MAX_URL_TTL) > 0) {
      throw new IllegalArgumentException("ttl must be between 1s and 7 days, got " + ttl);
    }
    OptionalLong length = table.length(sha256);
    if (length.isEmpty()) {
      throw new RegistryException(
          ErrorCode.ARTIFACT_NOT_UPLOADED, "artifact " + sha256 + " has not been uploaded");
    }
    return recent.get(sha256, ttl, () -> sign(sha256, length.getAsLong(), ttl));
  }

  /**
   * Signs without checking that the artifact is stored, for callers that know it is; always a new
   * signature (dated now, unlike {@link #presign} which may reuse a recent one).
   */
  public PresignedUrl sign(String sha256, long length, Duration ttl) {
    Instant now = clock.instant();
    try {
      String url =
          signer.getPresignedObjectUrl(
              GetPresignedObjectUrlArgs.builder()
                  .method(Http.Method.GET)
                  .bucket(bucket)
                  .object(Sha256.objectKey(sha256))
                  .expiry((int) ttl.toSeconds(), TimeUnit.SECONDS)
                  .build());
      return new PresignedUrl(URI.create(url), now.plus(ttl), sha256, length);
    } catch (MinioException e) {
      throw new IllegalStateException("signing a URL failed although it needs no store", e);
    }
  }
}
