package dev.tandem.servers.probe;

import dev.tandem.servers.PostgresEndpoint;
import dev.tandem.servers.ServerKind;
import java.sql.DriverManager;

/** Connects over JDBC and asks the server for its version. */
public final class PostgresProbe implements ServerProbe {
  private final PostgresEndpoint endpoint;

  public PostgresProbe(PostgresEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public ServerKind kind() {
    return ServerKind.POSTGRES;
  }

  @Override
  public String check() throws Exception {
    try (var connection =
            DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(), endpoint.password());
        var statement = connection.createStatement();
        var result = statement.executeQuery("select current_setting('server_version')")) {
      result.next();
      return "PostgreSQL " + result.getString(1) + " answered on " + endpoint.jdbcUrl();
    }
  }
}
