package dev.tandem.registry.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Reading PostgreSQL column types that JDBC does not map directly. */
public final class Columns {

  private Columns() {}

  /** A nullable {@code timestamptz} column as an instant. */
  public static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp timestamp = row.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  /** A {@code text[]} column as a list. */
  public static List<String> strings(ResultSet row, String column) throws SQLException {
    return List.of((String[]) row.getArray(column).getArray());
  }
}
