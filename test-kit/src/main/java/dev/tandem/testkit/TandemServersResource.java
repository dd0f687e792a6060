package dev.tandem.testkit;

import dev.tandem.servers.stack.ServerStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} the same real servers as {@link RealServersExtension}, as
 * configuration: the datasource (a fresh database), {@code kafka.bootstrap.servers}, and the {@code
 * tandem.s3.*} and {@code tandem.mqtt.url} keys. Use it with
 * {@code @WithTestResource(TandemServersResource.class)}.
 */
public final class TandemServersResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    ServerStack stack = RealServers.stack();
    var database = Databases.create(stack.postgres(), "quarkus");
    var s3 = stack.s3();
    Map<String, String> config = new HashMap<>();
    config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
    config.put("quarkus.datasource.username", database.user());
    config.put("quarkus.datasource.password", database.password());
    config.put("kafka.bootstrap.servers", stack.kafka().bootstrapServers());
    config.put("tandem.mqtt.url", stack.mqtt().serverUri());
    config.put("tandem.s3.url", s3.url().toString());
    config.put("tandem.s3.access-key", s3.accessKey());
    config.put("tandem.s3.secret-key", s3.secretKey());
    config.put("tandem.s3.region", s3.region());
    return config;
  }

  @Override
  public void stop() {
    // The servers are shared by every test of the JVM and stop when it exits.
  }
}
