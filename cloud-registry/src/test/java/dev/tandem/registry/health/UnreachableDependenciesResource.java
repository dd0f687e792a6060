package dev.tandem.registry.health;

import dev.tandem.testkit.Databases;
import dev.tandem.testkit.RealServers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A real PostgreSQL database, while the object store, Kafka and MQTT point at a loopback port where
 * nothing listens.
 */
public final class UnreachableDependenciesResource implements QuarkusTestResourceLifecycleManager {
  private static final int DEAD_PORT = deadPort();

  static String hostAndPort() {
    return "127.0.0.1:" + DEAD_PORT;
  }

  static String url() {
    return "http://" + hostAndPort();
  }

  @Override
  public Map<String, String> start() {
    var database = Databases.create(RealServers.stack().postgres(), "unreachable");
    return Map.of(
        "quarkus.datasource.jdbc.url", database.jdbcUrl(),
        "quarkus.datasource.username", database.user(),
        "quarkus.datasource.password", database.password(),
        "kafka.bootstrap.servers", hostAndPort(),
        "tandem.s3.url", url(),
        "tandem.s3.access-key", "unused",
        "tandem.s3.secret-key", "unused",
        "tandem.mqtt.url", "tcp://" + hostAndPort(),
        "tandem.health.timeout", "1s");
  }

  @Override
  public void stop() {
    // The database server is shared by the JVM and stops when it exits.
  }

  /** A port that was free a moment ago; nothing of ours listens on it. */
  private static int deadPort() {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
