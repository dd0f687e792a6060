package dev.tandem.registry.jdbc;

import dev.tandem.registry.error.RegistryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One statement on a pooled connection, with JDBC failures turned into {@link RegistryException}s
 * that say what was being done ({@link RegistryException#fromSql}).
 */
public final class Jdbc {

  /** Sets a statement's parameters. */
  @FunctionalInterface
  public interface Binder {
    void bind(Connection connection, PreparedStatement statement) throws SQLException;
  }

  /** Reads one row. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  private final DataSource dataSource;

  public Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The first row of a query, if any. */
  public <T> Optional<T> one(String sql, Binder binder, RowMapper<T> mapper, String doing) {
    List<T> rows = list(sql, binder, mapper, doing);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** Every row of a query. */
  public <T> List<T> list(String sql, Binder binder, RowMapper<T> mapper, String doing) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(connection, statement);
      List<T> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.add(mapper.map(result));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw RegistryException.fromSql(doing, e);
    }
  }

  /** The number of rows an update changed. */
  public int update(String sql, Binder binder, String doing) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(connection, statement);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw RegistryException.fromSql(doing, e);
    }
  }

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
