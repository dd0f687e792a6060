package dev.tandem.registry.jdbc;

import dev.tandem.registry.error.RegistryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One statement on a pooled connection: binds the parameters, maps the rows, closes everything, and
 * turns an {@link SQLException} into a {@link RegistryException} that says what was being done.
 */
public final class Jdbc {
  /** PostgreSQL's {@code unique_violation}. */
  public static final String UNIQUE_VIOLATION = "23505";

  /** Sets a statement's parameters. */
  @FunctionalInterface
  public interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /** Makes a value of the current row. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** A binder that sets nothing. */
  public static final Binder NO_PARAMETERS = statement -> {};

  private final DataSource dataSource;

  public Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Every row of a query.
   *
   * @param doing what the query is for, e.g. {@code "listing tokens"}, for the error message
   */
  public <T> List<T> list(String doing, String sql, Binder binder, RowMapper<T> mapper) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(statement);
      List<T> values = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(mapper.map(rows));
        }
      }
      return values;
    } catch (SQLException e) {
      throw RegistryException.fromSql(doing, e);
    }
  }

  /** The first row of a query, if any. */
  public <T> Optional<T> first(String doing, String sql, Binder binder, RowMapper<T> mapper) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(statement);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? Optional.of(mapper.map(row)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw RegistryException.fromSql(doing, e);
    }
  }

  /** Runs an update; answers the number of rows it changed. */
  public int update(String doing, String sql, Binder binder) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(statement);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw RegistryException.fromSql(doing, e);
    }
  }
}
