package dev.tandem.servers;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Parses the JDBC URL form of a {@link PostgresEndpoint}. */
final class PostgresUrl {
  private static final String PREFIX = "jdbc:postgresql://";

  private PostgresUrl() {}

  static PostgresEndpoint parse(String jdbcUrl) {
    if (jdbcUrl == null || !jdbcUrl.startsWith(PREFIX)) {
      throw new IllegalArgumentException(
          "postgres url must start with %s, got '%s'".formatted(PREFIX, jdbcUrl));
    }
    URI uri = URI.create("postgresql://" + jdbcUrl.substring(PREFIX.length()));
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (uri.getHost() == null || path.isEmpty()) {
      throw new IllegalArgumentException(
          "postgres url must name host and database (jdbc:postgresql://host:port/db), got '%s'"
              .formatted(jdbcUrl));
    }
    Map<String, String> query = query(uri.getRawQuery());
    int port = uri.getPort() > 0 ? uri.getPort() : 5432;
    return new PostgresEndpoint(
        uri.getHost(),
        port,
        path,
        query.getOrDefault("user", "postgres"),
        query.getOrDefault("password", ""));
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> values = new HashMap<>();
    if (raw == null) {
      return values;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }
}
