package dev.tandem.registry.artifact;

import dev.tandem.registry.cache.SettledAnswers;
import dev.tandem.registry.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalLong;
import javax.sql.DataSource;

/** The {@code artifact} table: which contents are stored, verified, in the object store. */
@ApplicationScoped
public class ArtifactTable {
  private static final int MAX_REMEMBERED = 100_000;

  private final Jdbc jdbc;
  private final SettledAnswers<String, Long> stored = new SettledAnswers<>(MAX_REMEMBERED);

  ArtifactTable(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** The length of the stored artifact with this digest, if it is stored. */
  public OptionalLong length(String sha256) {
    // Artifacts are content-addressed and never removed, so a stored one stays stored with the
    // same length: remember those. Absent ones are asked again (they appear when uploaded).
    Long known = stored.get(sha256);
    if (known != null) {
      return OptionalLong.of(known);
    }
    OptionalLong length = query(sha256);
    if (length.isPresent()) {
      stored.put(sha256, length.getAsLong());
    }
    return length;
  }

  private OptionalLong query(String sha256) {
    return jdbc.first(
            "looking up artifact " + sha256,
            "SELECT length FROM artifact WHERE sha256 = ?",
            select -> select.setString(1, sha256),
            row -> row.getLong(1))
        .map(OptionalLong::of)
        .orElse(OptionalLong.empty());
  }

  /** Records a verified artifact; recording one that is there already changes nothing. */
  void insert(String sha256, long length, String storedBy) {
    jdbc.update(
        "recording artifact " + sha256,
        "INSERT INTO artifact (sha256, length, stored_by) VALUES (?, ?, ?)"
            + " ON CONFLICT (sha256) DO NOTHING",
        insert -> {
          insert.setString(1, sha256);
          insert.setLong(2, length);
          insert.setString(3, storedBy);
        });
  }
}
