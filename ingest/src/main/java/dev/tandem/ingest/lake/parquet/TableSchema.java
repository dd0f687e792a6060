package dev.tandem.ingest.lake.parquet;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The columns of one lake table, in file order. Rows are {@code Object[]} in the same order, with
 * the Java types {@link ColumnType} names.
 *
 * @param name the Parquet message name
 * @param columns at least one, names unique
 */
public record TableSchema(String name, List<Column> columns) {
  public TableSchema {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("table " + name + " needs at least one column");
    }
    Set<String> seen = new HashSet<>();
    for (Column column : columns) {
      if (!seen.add(column.name())) {
        throw new IllegalArgumentException(
            "table " + name + " has column '" + column.name() + "' twice");
      }
    }
  }

  /** Position of the column called {@code column}. */
  public int index(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException("table " + name + " has no column '" + column + "'");
  }

  /** The Parquet schema: flat required columns, readings as a standard 3-level LIST of structs. */
  public MessageType messageType() {
    Types.MessageTypeBuilder builder = Types.buildMessage();
    for (Column column : columns) {
      builder.addField(parquetType(column));
    }
    return builder.named(name);
  }

  private static Type parquetType(Column column) {
    String n = column.name();
    switch (column.type()) {
      case STRING:
        return Types.required(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named(n);
      case INT32:
        return Types.required(PrimitiveTypeName.INT32).named(n);
      case INT64:
        return Types.required(PrimitiveTypeName.INT64).named(n);
      case DOUBLE:
        return Types.required(PrimitiveTypeName.DOUBLE).named(n);
      case TIMESTAMP_MILLIS:
        return timestamp(n);
      case READINGS:
        GroupType element =
            Types.requiredGroup()
                .addField(timestamp("timestamp"))
                .addField(Types.required(PrimitiveTypeName.DOUBLE).named("value"))
                .named("element");
        return Types.requiredGroup()
            .as(LogicalTypeAnnotation.listType())
            .addField(Types.repeatedGroup().addField(element).named("list"))
            .named(n);
      default:
        throw new IllegalStateException("unknown column type " + column.type());
    }
  }

  private static Type timestamp(String name) {
    return Types.required(PrimitiveTypeName.INT64)
        .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MILLIS))
        .named(name);
  }
}
