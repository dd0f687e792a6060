package dev.tandem.registry.device;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.registry.error.ErrorCode;
import dev.tandem.registry.error.RegistryException;
import dev.tandem.registry.jdbc.Columns;
import dev.tandem.registry.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/** The {@code enrollment_token} table. Tokens are single-use; only their SHA-256 is kept. */
@ApplicationScoped
public class EnrollmentTokens {

  private static final String COLUMNS =
      "id, hardware_class, groups, tags::text AS tags, expires_at, created_by, created_at,"
          + " used_at, used_by_device, revoked_at";
  private static final TypeReference<TreeMap<String, String>> STRING_MAP = new TypeReference<>() {};

  private final DataSource dataSource;
  private final Jdbc jdbc;
  private final ObjectMapper json;

  EnrollmentTokens(DataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.jdbc = new Jdbc(dataSource);
    this.json = json;
  }

  /** Stores a new token; the labels must be valid already. */
  public CreatedEnrollmentToken create(
      String hardwareClass,
      List<String> groups,
      Map<String, String> tags,
      Instant expiresAt,
      String createdBy) {
    String secret = Secrets.generate(Secrets.ENROLLMENT_TOKEN);
    String tagsJson;
    try {
      tagsJson = json.writeValueAsString(tags);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("tags failed to serialize", e);
    }
    EnrollmentToken token =
        jdbc.first(
                "creating an enrollment token",
                "INSERT INTO enrollment_token (secret_sha256, hardware_class, groups, tags,"
                    + " expires_at, created_by) VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?)"
                    + " RETURNING "
                    + COLUMNS,
                s -> {
                  s.setBytes(1, Secrets.hash(secret));
                  s.setString(2, hardwareClass);
                  s.setArray(3, s.getConnection().createArrayOf("text", groups.toArray()));
                  s.setString(4, tagsJson);
                  s.setTimestamp(5, Timestamp.from(expiresAt));
                  s.setString(6, createdBy);
                },
                this::token)
            .orElseThrow();
    return new CreatedEnrollmentToken(secret, token);
  }

  /** Tokens newest first, at most {@code limit}. */
  public List<EnrollmentToken> list(int limit) {
    return jdbc.list(
        "listing enrollment tokens",
        "SELECT " + COLUMNS + " FROM enrollment_token ORDER BY created_at DESC, id LIMIT ?",
        s -> s.setInt(1, limit),
        this::token);
  }

  /** The token with this id, if there is one. */
  public Optional<EnrollmentToken> find(UUID id) {
    return jdbc.first(
        "reading enrollment token " + id,
        "SELECT " + COLUMNS + " FROM enrollment_token WHERE id = ?",
        s -> s.setObject(1, id),
        this::token);
  }

  /**
   * Revokes an unused token.
   *
   * @return the token after revocation, empty if there is none with this id
   * @throws RegistryException with {@link ErrorCode#CONFLICT} if it was already used
   */
  public Optional<EnrollmentToken> revoke(UUID id, String by, Instant at) {
    int changed =
        jdbc.update(
            "revoking enrollment token " + id,
            "UPDATE enrollment_token SET revoked_at = coalesce(revoked_at, ?),"
                + " revoked_by = coalesce(revoked_by, ?) WHERE id = ? AND used_at IS NULL",
            s -> {
              s.setTimestamp(1, Timestamp.from(at));
              s.setString(2, by);
              s.setObject(3, id);
            });
    Optional<EnrollmentToken> token = find(id);
    if (changed == 0 && token.isPresent()) {
      throw new RegistryException(
          ErrorCode.CONFLICT,
          "enrollment token " + id + " was already used by device " + token.get().usedByDevice());
    }
    return token;
  }

  /**
   * Marks the token with this secret used by {@code deviceId}, on {@code connection} (the caller's
   * transaction): at most one caller ever succeeds for a token, however many race.
   *
   * @return the token's facts
   * @throws RegistryException with {@link ErrorCode#ENROLLMENT_TOKEN_UNKNOWN}, {@link
   *     ErrorCode#ENROLLMENT_TOKEN_USED}, {@link ErrorCode#ENROLLMENT_TOKEN_EXPIRED} or {@link
   *     ErrorCode#ENROLLMENT_TOKEN_REVOKED}
   */
  EnrollmentToken claim(Connection connection, String secret, String deviceId, Instant now)
      throws SQLException {
    byte[] hash = Secrets.hash(secret);
    String sql =
        "UPDATE enrollment_token SET used_at = ?, used_by_device = ? WHERE secret_sha256 = ?"
            + " AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ? RETURNING "
            + COLUMNS;
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      update.setTimestamp(1, Timestamp.from(now));
      update.setString(2, deviceId);
      update.setBytes(3, hash);
      update.setTimestamp(4, Timestamp.from(now));
      try (ResultSet row = update.executeQuery()) {
        if (row.next()) {
          return token(row);
        }
      }
    }
    throw refusal(connection, hash);
  }

  private RegistryException refusal(Connection connection, byte[] hash) throws SQLException {
    String sql = "SELECT " + COLUMNS + " FROM enrollment_token WHERE secret_sha256 = ?";
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setBytes(1, hash);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return new RegistryException(
              ErrorCode.ENROLLMENT_TOKEN_UNKNOWN, "the enrollment token is not known");
        }
        EnrollmentToken token = token(row);
        if (token.usedAt() != null) {
          return new RegistryException(
              ErrorCode.ENROLLMENT_TOKEN_USED,
              "the enrollment token was already used at "
                  + token.usedAt()
                  + "; ask an operator for a new one");
        }
        if (token.revokedAt() != null) {
          return new RegistryException(
              ErrorCode.ENROLLMENT_TOKEN_REVOKED,
              "the enrollment token was revoked at " + token.revokedAt());
        }
        return new RegistryException(
            ErrorCode.ENROLLMENT_TOKEN_EXPIRED,
            "the enrollment token expired at " + token.expiresAt());
      }
    }
  }

  private EnrollmentToken token(ResultSet row) throws SQLException {
    try {
      return new EnrollmentToken(
          row.getObject("id", UUID.class),
          row.getString("hardware_class"),
          Columns.strings(row, "groups"),
          json.readValue(row.getString("tags"), STRING_MAP),
          Columns.instant(row, "expires_at"),
          row.getString("created_by"),
          Columns.instant(row, "created_at"),
          Columns.instant(row, "used_at"),
          row.getString("used_by_device"),
          Columns.instant(row, "revoked_at"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the database returned malformed jsonb", e);
    }
  }
}
