package dev.tandem.ingest.lake.parquet;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.MessageType;

/** Turns parquet-java's generic {@link Group} records into {@code Object[]} rows of a schema. */
final class GroupRows {
  private final TableSchema schema;
  private final boolean[] present;

  GroupRows(TableSchema schema, MessageType fileSchema) {
    this.schema = schema;
    this.present = new boolean[schema.columns().size()];
    for (int i = 0; i < present.length; i++) {
      present[i] = fileSchema.containsField(schema.columns().get(i).name());
    }
  }

  Object[] toRow(Group group) {
    List<Column> columns = schema.columns();
    Object[] row = new Object[columns.size()];
    for (int i = 0; i < row.length; i++) {
      Column column = columns.get(i);
      row[i] = present[i] ? value(group, column) : zero(column.type());
    }
    return row;
  }

  private static Object value(Group group, Column column) {
    String name = column.name();
    switch (column.type()) {
      case STRING:
        return group.getString(name, 0);
      case INT32:
        return group.getInteger(name, 0);
      case INT64:
      case TIMESTAMP_MILLIS:
        return group.getLong(name, 0);
      case DOUBLE:
        return group.getDouble(name, 0);
      case READINGS:
        Group list = group.getGroup(name, 0);
        int n = list.getFieldRepetitionCount("list");
        List<TimedValue> readings = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
          Group element = list.getGroup("list", k).getGroup("element", 0);
          readings.add(
              new TimedValue(element.getLong("timestamp", 0), element.getDouble("value", 0)));
        }
        return List.copyOf(readings);
      default:
        throw new IllegalStateException("unknown column type " + column.type());
    }
  }

  private static Object zero(ColumnType type) {
    switch (type) {
      case STRING:
        return "";
      case INT32:
        return 0;
      case INT64:
      case TIMESTAMP_MILLIS:
        return 0L;
      case DOUBLE:
        return 0.0;
      case READINGS:
        return List.of();
      default:
        throw new IllegalStateException("unknown column type " + type);
    }
  }
}
