package dev.tandem.ingest.lake.parquet;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One lake column.
 *
 * @param name lower snake case, so that every SQL engine reads it unquoted
 * @param type value type
 */
public record Column(String name, ColumnType type) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "column name must be lower snake case [a-z][a-z0-9_]*, got '" + name + "'");
    }
  }
}
