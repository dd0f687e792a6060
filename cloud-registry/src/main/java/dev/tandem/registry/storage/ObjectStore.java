package dev.tandem.registry.storage;

import dev.tandem.registry.config.TandemConfig;
import dev.tandem.registry.error.DependencyUnavailableException;
import dev.tandem.registry.error.ErrorCode;
import dev.tandem.registry.error.Reasons;
import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.errors.ErrorResponseException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The bucket that holds model artifacts. It is created when the application starts, or, if the
 * object store cannot be reached then, by the first readiness check that reaches it: startup never
 * waits for the object store.
 */
@ApplicationScoped
public class ObjectStore {
  private static final Logger LOG = Logger.getLogger(ObjectStore.class);
  private static final String DEPENDENCY = "the object store";

  /** What {@link #ensureBucket()} found. */
  public enum BucketState {
    EXISTED,
    CREATED
  }

  private final MinioAsyncClient client;
  private final String endpoint;
  private final String bucket;

  ObjectStore(MinioAsyncClient client, TandemConfig config) {
    this.client = client;
    this.endpoint = config.s3().url();
    this.bucket = config.s3().bucket();
  }

  /** The object store's URL. */
  public String endpoint() {
    return endpoint;
  }

  /** The bucket for model artifacts. */
  public String bucket() {
    return bucket;
  }

  /** Checks that the bucket exists, creating it if it does not. */
  public CompletableFuture<BucketState> ensureBucket() {
    return client
        .bucketExists(BucketExistsArgs.builder().bucket(bucket).build())
        .thenCompose(exists -> exists ? existed() : create());
  }

  /**
   * {@link #ensureBucket()}, waiting at most {@code timeout}.
   *
   * @throws DependencyUnavailableException with the reason, if the bucket cannot be reached or
   *     created in time
   */
  public BucketState awaitBucket(Duration timeout) {
    CompletableFuture<BucketState> pending = ensureBucket();
    try {
      return pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw unavailable("no answer within " + timeout.toMillis() + " ms", e);
    } catch (ExecutionException e) {
      throw unavailable(Reasons.describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("interrupted while waiting for an answer", e);
    }
  }

  void onStart(@Observes StartupEvent event) {
    ensureBucket()
        .whenComplete(
            (state, failure) -> {
              if (failure == null) {
                LOG.infof("bucket %s at %s: %s", bucket, endpoint, state.name().toLowerCase());
              } else {
                LOG.warnf(
                    "bucket %s at %s not ready at startup (%s); readiness reports the object store"
                        + " DOWN until it is",
                    bucket, endpoint, Reasons.describe(failure));
              }
            });
  }

  private CompletableFuture<BucketState> create() {
    return client
        .makeBucket(MakeBucketArgs.builder().bucket(bucket).build())
        .thenApply(response -> BucketState.CREATED)
        .exceptionallyCompose(
            failure -> alreadyOwned(failure) ? existed() : CompletableFuture.failedFuture(failure));
  }

  private static CompletableFuture<BucketState> existed() {
    return CompletableFuture.completedFuture(BucketState.EXISTED);
  }

  /** Another instance created the bucket between our check and our request. */
  private static boolean alreadyOwned(Throwable failure) {
    Throwable e = failure;
    while (e != null) {
      if (e instanceof ErrorResponseException s3) {
        return "BucketAlreadyOwnedByYou".equals(s3.errorResponse().code());
      }
      e = e.getCause() == e ? null : e.getCause();
    }
    return false;
  }

  private static DependencyUnavailableException unavailable(String reason, Throwable cause) {
    return new DependencyUnavailableException(
        ErrorCode.OBJECT_STORE_UNAVAILABLE, DEPENDENCY, reason, cause);
  }
}
