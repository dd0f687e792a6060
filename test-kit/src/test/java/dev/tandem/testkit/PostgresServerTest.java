package dev.tandem.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.servers.PostgresEndpoint;
import java.sql.DriverManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

@WithRealServers
class PostgresServerTest {

  @Test
  void flywayMigratesAFreshDatabaseAndTheSchemaWorks(PostgresEndpoint db) throws Exception {
    var result =
        Flyway.configure()
            .dataSource(db.jdbcUrl(), db.user(), db.password())
            .locations("classpath:db/kit")
            .load()
            .migrate();

    assertThat(result.migrationsExecuted).isEqualTo(2);
    try (var connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        var statement = connection.createStatement()) {
      statement.executeUpdate(
          "INSERT INTO readings (device_id, seq, value) VALUES ('d1', 1, 21.5)");
      try (var rows = statement.executeQuery("SELECT value, unit FROM readings WHERE seq = 1")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getDouble(1)).isEqualTo(21.5);
        assertThat(rows.getString(2)).isEqualTo("C");
      }
    }
  }

  @Test
  void eachTestGetsItsOwnEmptyDatabase(PostgresEndpoint first, PostgresEndpoint second)
      throws Exception {
    assertThat(first.database()).isNotEqualTo(second.database());
    try (var connection =
            DriverManager.getConnection(second.jdbcUrl(), second.user(), second.password());
        var tables =
            connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
      assertThat(tables.next()).isFalse();
    }
  }
}
