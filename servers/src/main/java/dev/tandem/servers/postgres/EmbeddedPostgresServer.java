package dev.tandem.servers.postgres;

import dev.tandem.servers.EmbeddedServer;
import dev.tandem.servers.Ports;
import dev.tandem.servers.PostgresEndpoint;
import dev.tandem.servers.ServerKind;
import dev.tandem.servers.ServerStartException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL server from embedded binaries, listening on 127.0.0.1 only, with trust
 * authentication for the {@code postgres} role. A persistent data directory keeps its databases
 * between runs.
 */
public final class EmbeddedPostgresServer implements EmbeddedServer {
  private final EmbeddedPostgres postgres;
  private final PostgresEndpoint endpoint;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, PostgresEndpoint endpoint) {
    this.postgres = postgres;
    this.endpoint = endpoint;
  }

  /**
   * Starts PostgreSQL on {@code dataDir}.
   *
   * @param port 0 for a free port
   * @param persistent keep {@code dataDir} between runs; otherwise it is wiped at start and stop
   */
  public static EmbeddedPostgresServer start(Path dataDir, int port, boolean persistent) {
    int bound = Ports.claim("postgres.port", port);
    try {
      Files.createDirectories(dataDir);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setPort(bound)
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(!persistent)
              .setServerConfig("listen_addresses", Ports.LOOPBACK)
              .setServerConfig("max_connections", "200")
              .start();
      return new EmbeddedPostgresServer(
          postgres, new PostgresEndpoint(Ports.LOOPBACK, bound, "postgres", "postgres", ""));
    } catch (IOException | RuntimeException e) {
      throw new ServerStartException("postgres: could not start in " + dataDir + ": " + e, e);
    }
  }

  public PostgresEndpoint endpoint() {
    return endpoint;
  }

  @Override
  public ServerKind kind() {
    return ServerKind.POSTGRES;
  }

  @Override
  public String address() {
    return endpoint.jdbcUrl();
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new ServerStartException("postgres: did not stop cleanly: " + e, e);
    }
  }
}
