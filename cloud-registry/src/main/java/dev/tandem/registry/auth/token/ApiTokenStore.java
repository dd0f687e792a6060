package dev.tandem.registry.auth.token;

import dev.tandem.registry.error.RegistryException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The {@code api_token} table. */
@ApplicationScoped
public class ApiTokenStore {
  private static final String COLUMNS =
      "id, name, role, created_by, created_at, expires_at, revoked_at, revoked_by, last_used_at";

  private final DataSource dataSource;

  ApiTokenStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Stores a token by the hash of its secret. */
  public ApiToken insert(
      String name, String role, byte[] secretHash, String createdBy, Instant expiresAt) {
    String sql =
        "INSERT INTO api_token (name, role, secret_sha256, created_by, expires_at)"
            + " VALUES (?, ?, ?, ?, ?) RETURNING "
            + COLUMNS;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setString(1, name);
      insert.setString(2, role);
      insert.setBytes(3, secretHash);
      insert.setString(4, createdBy);
      insert.setTimestamp(5, expiresAt == null ? null : Timestamp.from(expiresAt));
      try (ResultSet row = insert.executeQuery()) {
        row.next();
        return token(row);
      }
    } catch (SQLException e) {
      throw RegistryException.fromSql("creating a token", e);
    }
  }

  /** The token whose secret hashes to {@code secretHash}, revoked and expired ones included. */
  public Optional<ApiToken> findBySecretHash(byte[] secretHash) {
    String sql = "SELECT " + COLUMNS + " FROM api_token WHERE secret_sha256 = ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setBytes(1, secretHash);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(token(row)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw RegistryException.fromSql("checking a token", e);
    }
  }

  /** The token with this id. */
  public Optional<ApiToken> find(UUID id) {
    String sql = "SELECT " + COLUMNS + " FROM api_token WHERE id = ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setObject(1, id);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(token(row)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw RegistryException.fromSql("reading token " + id, e);
    }
  }

  /** Tokens newest first; revoked ones only if asked for. */
  public List<ApiToken> list(boolean includeRevoked) {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM api_token"
            + (includeRevoked ? "" : " WHERE revoked_at IS NULL")
            + " ORDER BY created_at DESC, id";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql);
        ResultSet rows = select.executeQuery()) {
      List<ApiToken> tokens = new ArrayList<>();
      while (rows.next()) {
        tokens.add(token(rows));
      }
      return tokens;
    } catch (SQLException e) {
      throw RegistryException.fromSql("listing tokens", e);
    }
  }

  /**
   * Revokes a token, if it is not revoked already.
   *
   * @return the token as it is now, empty if there is none with this id
   */
  public Optional<ApiToken> revoke(UUID id, String revokedBy) {
    String sql =
        "UPDATE api_token SET revoked_at = COALESCE(revoked_at, now()),"
            + " revoked_by = COALESCE(revoked_by, ?) WHERE id = ? RETURNING "
            + COLUMNS;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      update.setString(1, revokedBy);
      update.setObject(2, id);
      try (ResultSet row = update.executeQuery()) {
        return row.next() ? Optional.of(token(row)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw RegistryException.fromSql("revoking token " + id, e);
    }
  }

  /** Records that the token was used now. */
  public void touch(UUID id) {
    String sql = "UPDATE api_token SET last_used_at = now() WHERE id = ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      update.setObject(1, id);
      update.executeUpdate();
    } catch (SQLException e) {
      throw RegistryException.fromSql("recording a token's use", e);
    }
  }

  private static ApiToken token(ResultSet row) throws SQLException {
    return new ApiToken(
        row.getObject("id", UUID.class),
        row.getString("name"),
        row.getString("role"),
        row.getString("created_by"),
        instant(row, "created_at"),
        instant(row, "expires_at"),
        instant(row, "revoked_at"),
        row.getString("revoked_by"),
        instant(row, "last_used_at"));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp at = row.getTimestamp(column);
    return at == null ? null : at.toInstant();
  }
}
