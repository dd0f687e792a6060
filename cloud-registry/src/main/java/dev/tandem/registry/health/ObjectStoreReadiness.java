package dev.tandem.registry.health;

import dev.tandem.registry.config.TandemConfig;
import dev.tandem.registry.error.DependencyUnavailableException;
import dev.tandem.registry.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * UP when the artifact bucket can be reached through the MinIO SDK (it is created if missing).
 * Data: {@code endpoint}, {@code bucket}, and when DOWN a one-line {@code reason}.
 */
@Readiness
@ApplicationScoped
public class ObjectStoreReadiness implements HealthCheck {
  /** The check's name in the health report. */
  public static final String NAME = "object-store";

  private final ObjectStore store;
  private final TandemConfig config;
  private final StateChanges changes;

  ObjectStoreReadiness(ObjectStore store, TandemConfig config, StateChanges changes) {
    this.store = store;
    this.config = config;
    this.changes = changes;
  }

  @Override
  public HealthCheckResponse call() {
    var response =
        HealthCheckResponse.named(NAME)
            .withData("endpoint", store.endpoint())
            .withData("bucket", store.bucket());
    try {
      store.awaitBucket(config.health().timeout());
      changes.up(NAME, "bucket " + store.bucket() + " at " + store.endpoint());
      return response.up().build();
    } catch (DependencyUnavailableException e) {
      changes.down(NAME, store.endpoint(), e.reason());
      return response.down().withData("reason", e.reason()).build();
    }
  }
}
