package dev.tandem.registry.signing.repository;

import dev.tandem.protocol.signing.metadata.MetadataType;
import dev.tandem.registry.error.RegistryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A {@link RepositoryStore} in the PostgreSQL table {@code signing_metadata} (migration V10).
 * Writers serialise on a transaction-scoped advisory lock, so several service instances sharing a
 * database never sign the same version twice.
 *
 * <p>The heads are read on every device's desired-state request, so {@link #recentHeads()} keeps
 * them for {@link #HEADS_FRESH_FOR}: a change made through this instance is seen at once (the
 * update drops them), one made through another instance sharing the database within that time.
 * {@link #heads()} always reads.
 */
public final class JdbcRepositoryStore implements RepositoryStore {

  /** The advisory lock key of signing updates ("TSIG" in ASCII). */
  static final long LOCK_KEY = 0x54534947L;

  private static final String COLUMNS = "role, version, expires, envelope";

  /** How long heads read from the database are reused. */
  static final Duration HEADS_FRESH_FOR = Duration.ofSeconds(1);

  private record KeptHeads(Heads heads, long readAtNanos) {}

  private final DataSource dataSource;
  private volatile KeptHeads kept;

  public JdbcRepositoryStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public Heads heads() {
    long now = System.nanoTime();
    try (Connection connection = dataSource.getConnection()) {
      Heads heads = heads(connection);
      kept = new KeptHeads(heads, now);
      return heads;
    } catch (SQLException e) {
      throw RegistryException.fromSql("reading the signed metadata", e);
    }
  }

  @Override
  public Heads recentHeads() {
    KeptHeads last = kept;
    if (last != null && System.nanoTime() - last.readAtNanos() < HEADS_FRESH_FOR.toNanos()) {
      return last.heads();
    }
    return heads();
  }

  @Override
  public Optional<SignedDocument> find(MetadataType type, long version) {
    String sql = "SELECT " + COLUMNS + " FROM signing_metadata WHERE role = ? AND version = ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, type.typeName());
      select.setLong(2, version);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(document(row)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw RegistryException.fromSql("reading " + type.typeName() + " version " + version, e);
    }
  }

  @Override
  public List<SignedDocument> rootsAfter(long version) {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM signing_metadata WHERE role = 'root' AND version > ?"
            + " ORDER BY version";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, version);
      List<SignedDocument> roots = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          roots.add(document(rows));
        }
      }
      return roots;
    } catch (SQLException e) {
      throw RegistryException.fromSql("reading roots after version " + version, e);
    }
  }

  @Override
  public <T> T update(Function<Heads, Appended<T>> work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        try (PreparedStatement lock =
            connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
          lock.setLong(1, LOCK_KEY);
          lock.execute();
        }
        Heads heads = heads(connection);
        Appended<T> appended = work.apply(heads);
        for (SignedDocument document : appended.documents()) {
          insert(connection, heads, document);
        }
        connection.commit();
        kept = null;
        return appended.result();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw RegistryException.fromSql("storing signed metadata", e);
    }
  }

  private static void insert(Connection connection, Heads heads, SignedDocument document)
      throws SQLException {
    Optional<SignedDocument> head =
        document.type() == MetadataType.ROOT ? heads.root() : heads.targets();
    long expected = head.map(SignedDocument::version).orElse(0L) + 1;
    if (document.version() != expected) {
      throw new IllegalStateException(
          document.type().typeName()
              + " version "
              + document.version()
              + " cannot follow version "
              + (expected - 1));
    }
    String sql = "INSERT INTO signing_metadata (role, version, expires, envelope) VALUES (?,?,?,?)";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setString(1, document.type().typeName());
      insert.setLong(2, document.version());
      insert.setTimestamp(3, Timestamp.from(document.expires()));
      insert.setBytes(4, document.bytes());
      insert.executeUpdate();
    }
  }

  /** Both heads in one round trip: devices ask for them on every desired-state request. */
  private static Heads heads(Connection connection) throws SQLException {
    String sql =
        "SELECT DISTINCT ON (role) "
            + COLUMNS
            + " FROM signing_metadata WHERE role IN ('root', 'targets')"
            + " ORDER BY role, version DESC";
    Optional<SignedDocument> root = Optional.empty();
    Optional<SignedDocument> targets = Optional.empty();
    try (PreparedStatement select = connection.prepareStatement(sql);
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        SignedDocument document = document(rows);
        if (document.type() == MetadataType.ROOT) {
          root = Optional.of(document);
        } else {
          targets = Optional.of(document);
        }
      }
    }
    return new Heads(root, targets);
  }

  private static SignedDocument document(ResultSet row) throws SQLException {
    String role = row.getString("role");
    return new SignedDocument(
        MetadataType.valueOf(role.toUpperCase(Locale.ROOT)),
        row.getLong("version"),
        row.getTimestamp("expires").toInstant(),
        row.getBytes("envelope"));
  }
}
