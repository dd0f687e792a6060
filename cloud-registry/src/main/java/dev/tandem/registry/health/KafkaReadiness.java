package dev.tandem.registry.health;

import dev.tandem.registry.config.TandemConfig;
import dev.tandem.registry.error.DependencyUnavailableException;
import dev.tandem.registry.kafka.ClusterInfo;
import dev.tandem.registry.kafka.KafkaAdmin;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * UP when the Kafka cluster describes itself within the health timeout. Data: {@code endpoint} (the
 * bootstrap servers); when UP {@code clusterId} and {@code brokers}; when DOWN a one-line {@code
 * reason}.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {
  /** The check's name in the health report. */
  public static final String NAME = "kafka";

  private final KafkaAdmin admin;
  private final TandemConfig config;
  private final StateChanges changes;

  KafkaReadiness(KafkaAdmin admin, TandemConfig config, StateChanges changes) {
    this.admin = admin;
    this.config = config;
    this.changes = changes;
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named(NAME).withData("endpoint", admin.bootstrapServers());
    try {
      ClusterInfo cluster = admin.describeCluster(config.health().timeout());
      changes.up(NAME, "cluster " + cluster.clusterId() + " at " + admin.bootstrapServers());
      return response
          .up()
          .withData("clusterId", cluster.clusterId())
          .withData("brokers", cluster.brokers())
          .build();
    } catch (DependencyUnavailableException e) {
      changes.down(NAME, admin.bootstrapServers(), e.reason());
      return response.down().withData("reason", e.reason()).build();
    }
  }
}
