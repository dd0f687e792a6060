package dev.tandem.registry.artifact;

import dev.tandem.registry.error.DependencyUnavailableException;
import dev.tandem.registry.error.ErrorCode;
import dev.tandem.registry.error.Reasons;
import dev.tandem.registry.error.RegistryException;
import dev.tandem.registry.storage.ObjectStore;
import io.minio.CopyObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.SourceObject;
import io.minio.errors.MinioException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Stores artifacts, content-addressed at {@code artifacts/sha256/<hex>}. An upload streams to a
 * staging object through the MinIO SDK's multipart upload (one part in memory at a time), hashing
 * and counting as it goes; only bytes with the declared digest and length are copied into place. On
 * any mismatch or failure the staging object is deleted and nothing is left behind. Content that is
 * stored already is checked but not written again.
 */
@ApplicationScoped
public class ArtifactStore {
  private static final Logger LOG = Logger.getLogger(ArtifactStore.class);
  private static final String STAGING = "staging/";
  private static final String DEPENDENCY = "the object store";

  /**
   * What an upload did.
   *
   * @param deduplicated the content was stored already and was not written again
   */
  public record Stored(String sha256, long length, boolean deduplicated) {}

  private final MinioClient minio;
  private final String bucket;
  private final ArtifactTable table;
  private final ArtifactLimits limits;

  ArtifactStore(MinioClient minio, ObjectStore store, ArtifactTable table, ArtifactLimits limits) {
    this.minio = minio;
    this.bucket = store.bucket();
    this.table = table;
    this.limits = limits;
  }

  /** Whether the content with this digest is stored. */
  public boolean isStored(String sha256) {
    return table.length(Sha256.require("sha256", sha256)).isPresent();
  }

  /** The limits uploads are held to. */
  public ArtifactLimits limits() {
    return limits;
  }

  /**
   * Stores {@code body} if it has the declared digest and length.
   *
   * @param contentLength the request's {@code Content-Length}, or {@code null} if it was chunked
   * @throws RegistryException {@code ARTIFACT_TOO_LARGE} past the configured maximum, {@code
   *     LENGTH_MISMATCH} or {@code DIGEST_MISMATCH} if the bytes are not the declared ones, {@code
   *     OBJECT_STORE_UNAVAILABLE} if the store fails
   */
  public Stored upload(
      String sha256, long length, Long contentLength, InputStream body, String actor) {
    Sha256.require("sha256", sha256);
    checkSize(length);
    if (contentLength != null) {
      checkSize(contentLength);
      if (contentLength != length) {
        throw lengthMismatch("the body has " + contentLength + " bytes", length);
      }
    }
    VerifyingInputStream in = new VerifyingInputStream(body, length);
    if (isStored(sha256)) {
      readToEnd(in, length);
      verify(in, sha256, length);
      return new Stored(sha256, length, true);
    }
    String staging = STAGING + UUID.randomUUID();
    try {
      put(staging, in, length);
      readToEnd(in, length);
      verify(in, sha256, length);
      copy(staging, Sha256.objectKey(sha256));
      table.insert(sha256, length, actor);
      return new Stored(sha256, length, false);
    } finally {
      remove(staging);
    }
  }

  private void checkSize(long length) {
    if (length > limits.maxArtifactSize()) {
      throw new RegistryException(
          ErrorCode.ARTIFACT_TOO_LARGE,
          "the artifact has "
              + length
              + " bytes; this registry accepts at most "
              + limits.maxArtifactSize()
              + " (tandem.registry.max-artifact-size)");
    }
  }

  private void put(String key, VerifyingInputStream in, long length) {
    try {
      minio.putObject(
          PutObjectArgs.builder().bucket(bucket).object(key).stream(in, length, limits.partSize())
              .contentType("application/octet-stream")
              .build());
    } catch (MinioException | RuntimeException e) {
      throw failure(in, length, e);
    }
  }

  /** After the store has read the declared bytes, the body must end there. */
  private static void readToEnd(VerifyingInputStream in, long length) {
    try {
      in.drain();
    } catch (IOException e) {
      throw failure(in, length, e);
    }
  }

  private static void verify(VerifyingInputStream in, String sha256, long length) {
    if (in.count() != length) {
      throw lengthMismatch("the body has " + in.count() + " bytes", length);
    }
    String actual = in.sha256();
    if (!actual.equals(sha256)) {
      throw new RegistryException(
          ErrorCode.DIGEST_MISMATCH,
          "the body's SHA-256 is " + actual + ", the variant declares " + sha256 + "; not stored");
    }
  }

  /** Why reading the body or writing the store failed, in terms of the request. */
  private static RegistryException failure(VerifyingInputStream in, long length, Exception e) {
    if (in.exceeded()) {
      return lengthMismatch("the body has more bytes", length);
    }
    if (in.ended() && in.count() < length) {
      return lengthMismatch("the body ended after " + in.count() + " bytes", length);
    }
    if (in.readFailed()) {
      return new RegistryException(
          ErrorCode.BAD_REQUEST, "the upload broke off after " + in.count() + " bytes", e);
    }
    return new DependencyUnavailableException(
        ErrorCode.OBJECT_STORE_UNAVAILABLE, DEPENDENCY, Reasons.describe(e), e);
  }

  private static RegistryException lengthMismatch(String what, long declared) {
    return new RegistryException(
        ErrorCode.LENGTH_MISMATCH, what + ", the variant declares " + declared + "; not stored");
  }

  private void copy(String from, String to) {
    try {
      minio.copyObject(
          CopyObjectArgs.builder()
              .bucket(bucket)
              .object(to)
              .source(SourceObject.builder().bucket(bucket).object(from).build())
              .build());
    } catch (MinioException | RuntimeException e) {
      throw new DependencyUnavailableException(
          ErrorCode.OBJECT_STORE_UNAVAILABLE, DEPENDENCY, Reasons.describe(e), e);
    }
  }

  private void remove(String key) {
    try {
      minio.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
    } catch (MinioException | RuntimeException e) {
      // Removing a missing object succeeds in S3; this is the store failing. Staging objects of
      // failed removals can be found under staging/ and deleted by a bucket lifecycle rule.
      LOG.warnf("could not remove staging object %s: %s", key, Reasons.describe(e));
    }
  }
}
