package dev.tandem.registry.config;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Pattern;

/**
 * Makes {@code quarkus.datasource.jdbc.url} a required key. Without it Quarkus would deactivate the
 * datasource and fail later, deep in startup; with it a missing URL is reported with the other
 * configuration problems, by name, before anything starts.
 */
@ConfigMapping(prefix = "quarkus.datasource.jdbc")
public interface DatabaseConfig {

  /** {@code quarkus.datasource.jdbc.url}, e.g. {@code jdbc:postgresql://127.0.0.1:5432/tandem}. */
  @Pattern(
      regexp = "jdbc:postgresql:.+",
      message = "must be a PostgreSQL JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/tandem")
  String url();
}
