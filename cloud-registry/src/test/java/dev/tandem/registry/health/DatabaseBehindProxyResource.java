package dev.tandem.registry.health;

import dev.tandem.servers.PostgresEndpoint;
import dev.tandem.testkit.TandemServersResource;
import dev.tandem.testkit.TcpProxy;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * The test kit's real servers, with the datasource reached through a {@link TcpProxy} that a test
 * can cut, so that PostgreSQL becomes unreachable after the application has started.
 */
public final class DatabaseBehindProxyResource implements QuarkusTestResourceLifecycleManager {
  private static volatile TcpProxy link;

  private final TandemServersResource servers = new TandemServersResource();

  /** The link between the application and PostgreSQL, once started. */
  static TcpProxy link() {
    return link;
  }

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>(servers.start());
    PostgresEndpoint database = PostgresEndpoint.parse(config.get("quarkus.datasource.jdbc.url"));
    link = TcpProxy.cutTo(database.host(), database.port());
    link.restore();
    // Only the address changes; user and password stay as the servers gave them.
    config.put(
        "quarkus.datasource.jdbc.url",
        "jdbc:postgresql://127.0.0.1:%d/%s".formatted(link.port(), database.database()));
    return config;
  }

  @Override
  public void stop() {
    servers.stop();
    if (link != null) {
      link.close();
    }
  }
}
