package dev.tandem.registry.health;

import dev.tandem.testkit.Databases;
import dev.tandem.testkit.RealServers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A real PostgreSQL database and a real S3 server that refuses the configured secret key; Kafka and
 * MQTT point at a port where nothing listens.
 */
public final class RefusingObjectStoreResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    var stack = RealServers.stack();
    var database = Databases.create(stack.postgres(), "refusing");
    var s3 = stack.s3();
    return Map.of(
        "quarkus.datasource.jdbc.url", database.jdbcUrl(),
        "quarkus.datasource.username", database.user(),
        "quarkus.datasource.password", database.password(),
        "tandem.s3.url", s3.url().toString(),
        "tandem.s3.access-key", s3.accessKey(),
        "tandem.s3.secret-key", s3.secretKey() + "-wrong",
        "kafka.bootstrap.servers", UnreachableDependenciesResource.hostAndPort(),
        "tandem.mqtt.url", "tcp://" + UnreachableDependenciesResource.hostAndPort(),
        "tandem.health.timeout", "1s");
  }

  @Override
  public void stop() {
    // The servers are shared by the JVM and stop when it exits.
  }
}
