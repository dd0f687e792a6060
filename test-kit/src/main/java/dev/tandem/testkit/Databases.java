package dev.tandem.testkit;

import dev.tandem.servers.PostgresEndpoint;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh databases on a shared PostgreSQL server, so tests (and test runs against an external
 * server) never see each other's tables.
 */
public final class Databases {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private Databases() {}

  /**
   * Creates a new, empty database named after {@code hint} and returns its endpoint.
   *
   * @throws IllegalStateException if the server refuses
   */
  public static PostgresEndpoint create(PostgresEndpoint server, String hint) {
    String cleaned = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    String name =
        "t_%s_%d_%d"
            .formatted(
                cleaned.substring(0, Math.min(cleaned.length(), 30)),
                ProcessHandle.current().pid(),
                COUNTER.incrementAndGet());
    try (var connection =
            DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
        var statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "could not create database " + name + " on " + server + ": " + e.getMessage(), e);
    }
    return server.withDatabase(name);
  }
}
