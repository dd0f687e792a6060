package dev.tandem.registry.model;

import dev.tandem.registry.error.RegistryException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Aliases of models and the history of their moves. */
@ApplicationScoped
public class AliasStore {
  private static final String ALIAS_QUERY =
      "SELECT m.name AS model, a.name AS alias, v.version, a.moved_by, a.moved_at"
          + " FROM model_alias a JOIN model m ON m.id = a.model_id"
          + " JOIN model_version v ON v.id = a.version_id WHERE a.model_id = ?";

  private final DataSource dataSource;

  AliasStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Points {@code alias} at {@code version}, recording the move; pointing it where it points
   * already changes nothing.
   *
   * @throws RegistryException {@code NOT_FOUND} for an unknown model or version
   */
  public Alias move(String model, String alias, String version, String actor) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        long modelId = ModelStore.modelId(connection, model);
        long to =
            ModelStore.versionId(connection, modelId, version)
                .orElseThrow(() -> RegistryException.notFound("version", model + "@" + version));
        Long from = lockCurrent(connection, modelId, alias);
        if (from == null || from != to) {
          upsert(connection, modelId, alias, to, actor);
          recordMove(connection, modelId, alias, from, to, actor);
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw RegistryException.fromSql("moving alias " + alias + " of model " + model, e);
    }
    return find(model, alias).orElseThrow(() -> new IllegalStateException("a moved alias is gone"));
  }

  /** The model's aliases by name. */
  public List<Alias> list(String model) {
    return query(model, null);
  }

  /** One alias of the model. */
  public Optional<Alias> find(String model, String alias) {
    List<Alias> found = query(model, alias);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /**
   * Every move of the alias, newest first.
   *
   * @throws RegistryException {@code NOT_FOUND} for an unknown model or an alias never set
   */
  public List<AliasMove> history(String model, String alias) {
    String sql =
        "SELECT h.id, h.alias, f.version AS from_version, t.version AS to_version, h.moved_by,"
            + " h.moved_at FROM model_alias_move h"
            + " LEFT JOIN model_version f ON f.id = h.from_version_id"
            + " JOIN model_version t ON t.id = h.to_version_id"
            + " WHERE h.model_id = ? AND h.alias = ? ORDER BY h.id DESC";
    try (Connection connection = dataSource.getConnection()) {
      long modelId = ModelStore.modelId(connection, model);
      List<AliasMove> moves = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        select.setLong(1, modelId);
        select.setString(2, alias);
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            moves.add(
                new AliasMove(
                    row.getLong("id"),
                    row.getString("alias"),
                    row.getString("from_version"),
                    row.getString("to_version"),
                    row.getString("moved_by"),
                    row.getTimestamp("moved_at").toInstant()));
          }
        }
      }
      if (moves.isEmpty()) {
        throw RegistryException.notFound("alias", model + ":" + alias);
      }
      return moves;
    } catch (SQLException e) {
      throw RegistryException.fromSql("reading the history of alias " + alias, e);
    }
  }

  private List<Alias> query(String model, String alias) {
    String sql = ALIAS_QUERY + (alias == null ? "" : " AND a.name = ?") + " ORDER BY a.name";
    try (Connection connection = dataSource.getConnection()) {
      long modelId = ModelStore.modelId(connection, model);
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        select.setLong(1, modelId);
        if (alias != null) {
          select.setString(2, alias);
        }
        List<Alias> aliases = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            aliases.add(
                new Alias(
                    row.getString("model"),
                    row.getString("alias"),
                    row.getString("version"),
                    row.getString("moved_by"),
                    row.getTimestamp("moved_at").toInstant()));
          }
        }
        return aliases;
      }
    } catch (SQLException e) {
      throw RegistryException.fromSql("reading aliases of model " + model, e);
    }
  }

  private static Long lockCurrent(Connection connection, long modelId, String alias)
      throws SQLException {
    // Lock the model row: concurrent first moves of one alias then queue instead of colliding.
    try (PreparedStatement lock =
        connection.prepareStatement("SELECT id FROM model WHERE id = ? FOR UPDATE")) {
      lock.setLong(1, modelId);
      lock.executeQuery().close();
    }
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT version_id FROM model_alias WHERE model_id = ? AND name = ?")) {
      select.setLong(1, modelId);
      select.setString(2, alias);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getLong(1) : null;
      }
    }
  }

  private static void upsert(
      Connection connection, long modelId, String alias, long versionId, String actor)
      throws SQLException {
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO model_alias (model_id, name, version_id, moved_by) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (model_id, name) DO UPDATE SET version_id = EXCLUDED.version_id,"
                + " moved_by = EXCLUDED.moved_by, moved_at = now()")) {
      upsert.setLong(1, modelId);
      upsert.setString(2, alias);
      upsert.setLong(3, versionId);
      upsert.setString(4, actor);
      upsert.executeUpdate();
    }
  }

  private static void recordMove(
      Connection connection, long modelId, String alias, Long from, long to, String actor)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO model_alias_move (model_id, alias, from_version_id, to_version_id,"
                + " moved_by) VALUES (?, ?, ?, ?, ?)")) {
      insert.setLong(1, modelId);
      insert.setString(2, alias);
      insert.setObject(3, from);
      insert.setLong(4, to);
      insert.setString(5, actor);
      insert.executeUpdate();
    }
  }
}
