package dev.tandem.ingest.lake.parquet;

import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/** Writes {@code Object[]} rows of one {@link TableSchema} to Parquet's record consumer. */
final class RowWriteSupport extends WriteSupport<Object[]> {
  private final TableSchema schema;
  private final MessageType messageType;
  private final Map<String, String> metadata;
  private RecordConsumer out;

  RowWriteSupport(TableSchema schema, Map<String, String> metadata) {
    this.schema = schema;
    this.messageType = schema.messageType();
    this.metadata = Map.copyOf(metadata);
  }

  // Hadoop's overload is abstract in WriteSupport; parquet-java calls the ParquetConfiguration one
  // when the writer is built with a PlainParquetConfiguration, so this one never runs.
  @Override
  public WriteContext init(Configuration configuration) {
    return new WriteContext(messageType, metadata);
  }

  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return new WriteContext(messageType, metadata);
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.out = recordConsumer;
  }

  @Override
  public void write(Object[] row) {
    List<Column> columns = schema.columns();
    if (row.length != columns.size()) {
      throw new IllegalArgumentException(
          "row has " + row.length + " values, table " + schema.name() + " " + columns.size());
    }
    out.startMessage();
    for (int i = 0; i < row.length; i++) {
      Column column = columns.get(i);
      Object value = row[i];
      if (value == null) {
        throw new IllegalArgumentException(
            "table " + schema.name() + " column " + column.name() + " is null");
      }
      if (column.type() == ColumnType.READINGS && ((List<?>) value).isEmpty()) {
        // A required LIST with no elements: the group is present, its repeated field is not.
        out.startField(column.name(), i);
        out.startGroup();
        out.endGroup();
        out.endField(column.name(), i);
        continue;
      }
      out.startField(column.name(), i);
      writeValue(column, value);
      out.endField(column.name(), i);
    }
    out.endMessage();
  }

  private void writeValue(Column column, Object value) {
    switch (column.type()) {
      case STRING:
        out.addBinary(Binary.fromString((String) value));
        break;
      case INT32:
        out.addInteger((Integer) value);
        break;
      case INT64:
      case TIMESTAMP_MILLIS:
        out.addLong((Long) value);
        break;
      case DOUBLE:
        out.addDouble((Double) value);
        break;
      case READINGS:
        writeReadings((List<?>) value);
        break;
      default:
        throw new IllegalStateException("unknown column type " + column.type());
    }
  }

  private void writeReadings(List<?> readings) {
    out.startGroup();
    out.startField("list", 0);
    for (Object item : readings) {
      TimedValue reading = (TimedValue) item;
      out.startGroup();
      out.startField("element", 0);
      out.startGroup();
      out.startField("timestamp", 0);
      out.addLong(reading.timestampMs());
      out.endField("timestamp", 0);
      out.startField("value", 1);
      out.addDouble(reading.value());
      out.endField("value", 1);
      out.endGroup();
      out.endField("element", 0);
      out.endGroup();
    }
    out.endField("list", 0);
    out.endGroup();
  }
}
