package dev.tandem.servers;

import java.util.Objects;

/**
 * How to reach a PostgreSQL database.
 *
 * @param host server host
 * @param port server port
 * @param database database name
 * @param user role name
 * @param password password, empty for trust authentication
 */
public record PostgresEndpoint(
    String host, int port, String database, String user, String password) {
  public PostgresEndpoint {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (port <= 0 || port > 65535) {
      throw new IllegalArgumentException("postgres port must be 1-65535, got " + port);
    }
    if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException(
          "postgres database name must match [A-Za-z_][A-Za-z0-9_]*, got '%s'".formatted(database));
    }
  }

  /**
   * Parses {@code jdbc:postgresql://host:port/db}, taking the user and password from the query
   * ({@code ?user=..&password=..}) or defaulting to {@code postgres} with no password.
   */
  public static PostgresEndpoint parse(String jdbcUrl) {
    return PostgresUrl.parse(jdbcUrl);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://%s:%d/%s".formatted(host, port, database);
  }

  /** The same server, another database on it. */
  public PostgresEndpoint withDatabase(String name) {
    return new PostgresEndpoint(host, port, name, user, password);
  }

  @Override
  public String toString() {
    return "PostgresEndpoint[%s, user=%s]".formatted(jdbcUrl(), user);
  }
}
