package dev.tandem.registry.model;

import dev.tandem.registry.cache.SettledAnswers;
import dev.tandem.registry.error.RegistryException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The read the device-facing API makes most: which variant of a model, by version or alias, fits a
 * hardware class. One indexed query (model name, version or alias, variant by version), prepared so
 * the driver reuses its server-side plan per connection.
 *
 * <p>Caching: versions and their variants never change once created, and an artifact once stored
 * stays stored, so an answer found by <em>version</em> whose artifact is stored is kept (up to
 * {@value #MAX_CACHED} entries). Answers found by <em>alias</em> are never kept: an alias moves,
 * and a device must see the move at its next request. Answers whose artifact is not yet uploaded
 * are not kept either: they change when it is.
 */
@ApplicationScoped
public class VariantLookup {
  /** The most answers kept; past it the cache starts again empty. */
  static final int MAX_CACHED = 10_000;

  // A version of that name wins over an alias of that name (rank 0 before 1).
  private static final String SQL =
      "WITH target AS ("
          + " SELECT v.id, v.version, 0 AS rank FROM model m"
          + " JOIN model_version v ON v.model_id = m.id WHERE m.name = ? AND v.version = ?"
          + " UNION ALL"
          + " SELECT v.id, v.version, 1 AS rank FROM model m"
          + " JOIN model_alias a ON a.model_id = m.id JOIN model_version v ON v.id = a.version_id"
          + " WHERE m.name = ? AND a.name = ?"
          + " ORDER BY rank LIMIT 1)"
          + " SELECT t.version, t.rank, w.name, w.format, w.sha256, w.length,"
          + " (ar.sha256 IS NOT NULL) AS uploaded"
          + " FROM target t JOIN model_variant w ON w.version_id = t.id"
          + " LEFT JOIN artifact ar ON ar.sha256 = w.sha256"
          + " WHERE ? = ANY (w.hardware_classes) ORDER BY w.id LIMIT 1";

  private record Key(String model, String versionOrAlias, String hardwareClass) {}

  private final DataSource dataSource;
  private final SettledAnswers<Key, ResolvedVariant> byVersion = new SettledAnswers<>(MAX_CACHED);

  VariantLookup(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The first variant (in the order the version declared them) of {@code model} at {@code
   * versionOrAlias} that lists {@code hardwareClass}.
   *
   * @param versionOrAlias a version, or an alias such as {@code production}; a version wins if both
   *     have the name
   * @return empty if the model, version or alias is unknown, or no variant fits the hardware
   */
  public Optional<ResolvedVariant> resolve(
      String model, String versionOrAlias, String hardwareClass) {
    Key key = new Key(model, versionOrAlias, hardwareClass);
    ResolvedVariant cached = byVersion.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(SQL)) {
      select.setString(1, model);
      select.setString(2, versionOrAlias);
      select.setString(3, model);
      select.setString(4, versionOrAlias);
      select.setString(5, hardwareClass);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        ResolvedVariant found =
            new ResolvedVariant(
                model,
                row.getString("version"),
                row.getString("name"),
                row.getString("format"),
                row.getString("sha256"),
                row.getLong("length"),
                row.getBoolean("uploaded"));
        boolean byVersionName = row.getInt("rank") == 0;
        if (byVersionName && found.uploaded()) {
          byVersion.put(key, found);
        }
        return Optional.of(found);
      }
    } catch (SQLException e) {
      throw RegistryException.fromSql("resolving a variant of model " + model, e);
    }
  }

  /** How many answers are kept, for tests and metrics. */
  int cached() {
    return byVersion.size();
  }
}
