package dev.tandem.registry.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.registry.error.RegistryException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@code audit_log} table: entries are appended, never changed. */
@ApplicationScoped
public class AuditLog {
  /** The longest actor, action or target accepted, in characters. */
  public static final int MAX_NAME_LENGTH = 200;

  /** The most entries one page holds. */
  public static final int MAX_PAGE_SIZE = 500;

  private static final String COLUMNS = "id, at, actor, action, target, detail::text AS detail";

  private final DataSource dataSource;
  private final ObjectMapper json;

  AuditLog(DataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  /**
   * Appends an entry.
   *
   * @param detail a JSON object, or {@code null}
   * @throws IllegalArgumentException if a name is blank or longer than {@value #MAX_NAME_LENGTH},
   *     or {@code detail} is not an object
   * @throws RegistryException if the database fails
   */
  public AuditEntry record(String actor, String action, String target, JsonNode detail) {
    checkName("actor", actor);
    checkName("action", action);
    checkName("target", target);
    if (detail != null && !detail.isObject()) {
      throw new IllegalArgumentException(
          "detail must be a JSON object, got " + detail.getNodeType());
    }
    String sql =
        "INSERT INTO audit_log (actor, action, target, detail) VALUES (?, ?, ?, CAST(? AS jsonb))"
            + " RETURNING "
            + COLUMNS;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setString(1, actor);
      insert.setString(2, action);
      insert.setString(3, target);
      if (detail == null) {
        insert.setNull(4, Types.VARCHAR);
      } else {
        insert.setString(4, json.writeValueAsString(detail));
      }
      try (ResultSet row = insert.executeQuery()) {
        row.next();
        return entry(row);
      }
    } catch (SQLException e) {
      throw RegistryException.fromSql("recording an audit entry", e);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree failed to serialize", e);
    }
  }

  /** The entry with this id, if there is one. */
  public Optional<AuditEntry> find(long id) {
    String sql = "SELECT " + COLUMNS + " FROM audit_log WHERE id = ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, id);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(entry(row)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw RegistryException.fromSql("reading audit entry " + id, e);
    }
  }

  /**
   * Entries newest first.
   *
   * @param target only entries about this target, or {@code null} for all
   * @param before only entries with a smaller id, or {@code null} to start at the newest
   * @param limit 1 to {@value #MAX_PAGE_SIZE}
   */
  public AuditPage page(String target, Long before, int limit) {
    if (limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_PAGE_SIZE + ", got " + limit);
    }
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_log WHERE true");
    List<Object> parameters = new ArrayList<>();
    if (target != null) {
      sql.append(" AND target = ?");
      parameters.add(target);
    }
    if (before != null) {
      sql.append(" AND id < ?");
      parameters.add(before);
    }
    sql.append(" ORDER BY id DESC LIMIT ?");
    parameters.add(limit + 1);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < parameters.size(); i++) {
        select.setObject(i + 1, parameters.get(i));
      }
      List<AuditEntry> entries = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          entries.add(entry(rows));
        }
      }
      if (entries.size() <= limit) {
        return new AuditPage(entries, null);
      }
      List<AuditEntry> page = entries.subList(0, limit);
      return new AuditPage(page, page.get(limit - 1).id());
    } catch (SQLException e) {
      throw RegistryException.fromSql("reading the audit log", e);
    }
  }

  private AuditEntry entry(ResultSet row) throws SQLException {
    String detail = row.getString("detail");
    return new AuditEntry(
        row.getLong("id"),
        row.getTimestamp("at").toInstant(),
        row.getString("actor"),
        row.getString("action"),
        row.getString("target"),
        detail == null ? null : parse(detail));
  }

  private JsonNode parse(String detail) {
    try {
      return json.readTree(detail);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the database returned malformed jsonb", e);
    }
  }

  private static void checkName(String what, String value) {
    Objects.requireNonNull(value, what);
    if (value.isBlank() || value.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          what + " must be 1 to " + MAX_NAME_LENGTH + " characters and not blank");
    }
  }
}
