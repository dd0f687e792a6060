package dev.tandem.registry.artifact;

import dev.tandem.registry.error.RegistryException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;
import javax.sql.DataSource;

/** The {@code artifact} table: which contents are stored, verified, in the object store. */
@ApplicationScoped
public class ArtifactTable {
  private final DataSource dataSource;

  ArtifactTable(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The length of the stored artifact with this digest, if it is stored. */
  public OptionalLong length(String sha256) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT length FROM artifact WHERE sha256 = ?")) {
      select.setString(1, sha256);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
      }
    } catch (SQLException e) {
      throw RegistryException.fromSql("looking up artifact " + sha256, e);
    }
  }

  /** Records a verified artifact; recording one that is there already changes nothing. */
  void insert(String sha256, long length, String storedBy) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO artifact (sha256, length, stored_by) VALUES (?, ?, ?)"
                    + " ON CONFLICT (sha256) DO NOTHING")) {
      insert.setString(1, sha256);
      insert.setLong(2, length);
      insert.setString(3, storedBy);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw RegistryException.fromSql("recording artifact " + sha256, e);
    }
  }
}
