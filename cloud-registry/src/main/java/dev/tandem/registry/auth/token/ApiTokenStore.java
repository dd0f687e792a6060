package dev.tandem.registry.auth.token;

import dev.tandem.registry.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The {@code api_token} table. */
@ApplicationScoped
public class ApiTokenStore {
  private static final String COLUMNS =
      "id, name, role, created_by, created_at, expires_at, revoked_at, revoked_by, last_used_at";

  private final Jdbc jdbc;

  ApiTokenStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** Stores a token by the hash of its secret. */
  public ApiToken insert(
      String name, String role, byte[] secretHash, String createdBy, Instant expiresAt) {
    return jdbc.first(
            "creating a token",
            "INSERT INTO api_token (name, role, secret_sha256, created_by, expires_at)"
                + " VALUES (?, ?, ?, ?, ?) RETURNING "
                + COLUMNS,
            insert -> {
              insert.setString(1, name);
              insert.setString(2, role);
              insert.setBytes(3, secretHash);
              insert.setString(4, createdBy);
              insert.setTimestamp(5, expiresAt == null ? null : Timestamp.from(expiresAt));
            },
            ApiTokenStore::token)
        .orElseThrow(() -> new IllegalStateException("INSERT ... RETURNING returned no row"));
  }

  /** The token whose secret hashes to {@code secretHash}, revoked and expired ones included. */
  public Optional<ApiToken> findBySecretHash(byte[] secretHash) {
    return jdbc.first(
        "checking a token",
        "SELECT " + COLUMNS + " FROM api_token WHERE secret_sha256 = ?",
        select -> select.setBytes(1, secretHash),
        ApiTokenStore::token);
  }

  /** The token with this id. */
  public Optional<ApiToken> find(UUID id) {
    return jdbc.first(
        "reading token " + id,
        "SELECT " + COLUMNS + " FROM api_token WHERE id = ?",
        select -> select.setObject(1, id),
        ApiTokenStore::token);
  }

  /** Tokens newest first; revoked ones only if asked for. */
  public List<ApiToken> list(boolean includeRevoked) {
    return jdbc.list(
        "listing tokens",
        "SELECT "
            + COLUMNS
            + " FROM api_token"
            + (includeRevoked ? "" : " WHERE revoked_at IS NULL")
            + " ORDER BY created_at DESC, id",
        Jdbc.NO_PARAMETERS,
        ApiTokenStore::token);
  }

  /**
   * Revokes a token, if it is not revoked already.
   *
   * @return the token as it is now, empty if there is none with this id
   */
  public Optional<ApiToken> revoke(UUID id, String revokedBy) {
    return jdbc.first(
        "revoking token " + id,
        "UPDATE api_token SET revoked_at = COALESCE(revoked_at, now()),"
            + " revoked_by = COALESCE(revoked_by, ?) WHERE id = ? RETURNING "
            + COLUMNS,
        update -> {
          update.setString(1, revokedBy);
          update.setObject(2, id);
        },
        ApiTokenStore::token);
  }

  /** Records that the token was used now. */
  public void touch(UUID id) {
    jdbc.update(
        "recording a token's use",
        "UPDATE api_token SET last_used_at = now() WHERE id = ?",
        update -> update.setObject(1, id));
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
