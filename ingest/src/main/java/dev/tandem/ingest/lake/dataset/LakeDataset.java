package dev.tandem.ingest.lake.dataset;

import com.google.protobuf.Message;
import dev.tandem.ingest.lake.parquet.Column;
import dev.tandem.ingest.lake.parquet.ColumnType;
import dev.tandem.ingest.lake.parquet.TableSchema;
import dev.tandem.protocol.message.MessageCodec;
import dev.tandem.protocol.stream.FleetStream;
import dev.tandem.protocol.v1.Header;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One table of the lake, fed by one fleet stream. Every table starts with the same five columns
 * ({@link #COMMON_COLUMNS}); the rest are the message's own fields.
 *
 * @param <R> the typed row the trainer reads
 */
public abstract class LakeDataset<R> {
  /** {@code device_id, sequence, schema_version, event_time, received_at}, in this order. */
  public static final List<Column> COMMON_COLUMNS =
      List.of(
          new Column("device_id", ColumnType.STRING),
          new Column("sequence", ColumnType.INT64),
          new Column("schema_version", ColumnType.INT32),
          new Column("event_time", ColumnType.TIMESTAMP_MILLIS),
          new Column("received_at", ColumnType.TIMESTAMP_MILLIS));

  /** Position of {@code event_time} in every table's rows. */
  public static final int EVENT_TIME = 3;

  private final String name;
  private final FleetStream stream;
  private final TableSchema schema;

  LakeDataset(String name, FleetStream stream, List<Column> ownColumns) {
    this.name = Objects.requireNonNull(name, "name");
    this.stream = Objects.requireNonNull(stream, "stream");
    List<Column> columns = new ArrayList<>(COMMON_COLUMNS);
    columns.addAll(ownColumns);
    this.schema = new TableSchema(name, columns);
  }

  /** The table name and the first path segment of its files, e.g. {@code telemetry}. */
  public String name() {
    return name;
  }

  /** The Kafka stream the table is fed from. */
  public FleetStream stream() {
    return stream;
  }

  /** The table's columns. */
  public TableSchema schema() {
    return schema;
  }

  /**
   * Decodes a Kafka record value with the protocol's codec and flattens it.
   *
   * @param receivedAtMs when the bridge received the message (the {@code received_at} column)
   * @throws dev.tandem.protocol.ProtocolException if the value is not a valid message
   */
  public abstract DecodedMessage decode(byte[] value, long receivedAtMs);

  /** The typed form of a row of this table. */
  public abstract R record(Object[] row);

  @Override
  public String toString() {
    return name;
  }

  /** Decodes with {@code codec}, checking the header as the protocol does. */
  static <M extends Message> M decodeWith(MessageCodec<M> codec, byte[] value) {
    return codec.decode(value);
  }

  /** The five common values of a row of a message with {@code header}. */
  static Object[] startRow(Header header, long receivedAtMs, int width) {
    Object[] row = new Object[width];
    row[0] = header.getDeviceId();
    row[1] = header.getSequence();
    row[2] = header.getSchemaVersion();
    row[3] = header.getTimestampMs();
    row[4] = receivedAtMs;
    return row;
  }

  static Instant instant(Object millis) {
    return Instant.ofEpochMilli((Long) millis);
  }
}
