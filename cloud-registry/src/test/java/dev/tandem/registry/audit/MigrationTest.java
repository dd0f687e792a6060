package dev.tandem.registry.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.testkit.TandemServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TandemServersResource.class)
class MigrationTest {
  @Inject DataSource dataSource;

  @Test
  void flywayCreatedTheAuditLogTable() throws SQLException {
    List<String> columns = new ArrayList<>();
    try (var connection = dataSource.getConnection();
        var rows =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT column_name, data_type FROM information_schema.columns"
                        + " WHERE table_name = 'audit_log' ORDER BY ordinal_position")) {
      while (rows.next()) {
        columns.add(rows.getString(1) + " " + rows.getString(2));
      }
    }

    assertThat(columns)
        .containsExactly(
            "id bigint",
            "at timestamp with time zone",
            "actor text",
            "action text",
            "target text",
            "detail jsonb");
  }

  @Test
  void flywayRecordedVersionOne() throws SQLException {
    try (var connection = dataSource.getConnection();
        var rows =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT version, success FROM flyway_schema_history WHERE version = '1'")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getBoolean("success")).isTrue();
    }
  }
}
