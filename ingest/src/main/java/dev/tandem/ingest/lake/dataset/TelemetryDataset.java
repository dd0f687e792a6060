package dev.tandem.ingest.lake.dataset;

import dev.tandem.ingest.lake.parquet.Column;
import dev.tandem.ingest.lake.parquet.ColumnType;
import dev.tandem.protocol.message.MessageCodec;
import dev.tandem.protocol.stream.FleetStream;
import dev.tandem.protocol.v1.WindowSummary;
import java.util.List;

/** Window summaries, one row each. */
final class TelemetryDataset extends LakeDataset<TelemetryRow> {

  TelemetryDataset() {
    super(
        "telemetry",
        FleetStream.TELEMETRY,
        List.of(
            new Column("stream_id", ColumnType.STRING),
            new Column("window_start", ColumnType.TIMESTAMP_MILLIS),
            new Column("window_end", ColumnType.TIMESTAMP_MILLIS),
            new Column("count", ColumnType.INT64),
            new Column("mean", ColumnType.DOUBLE),
            new Column("min", ColumnType.DOUBLE),
            new Column("max", ColumnType.DOUBLE),
            new Column("stddev", ColumnType.DOUBLE),
            new Column("p50", ColumnType.DOUBLE),
            new Column("p95", ColumnType.DOUBLE),
            new Column("p99", ColumnType.DOUBLE),
            new Column("late_reading_count", ColumnType.INT64)));
  }

  @Override
  public DecodedMessage decode(byte[] value, long receivedAtMs) {
    WindowSummary m = decodeWith(MessageCodec.WINDOW_SUMMARY, value);
    Object[] row = startRow(m.getHeader(), receivedAtMs, schema().columns().size());
    row[5] = m.getStreamId();
    row[6] = m.getWindowStartMs();
    row[7] = m.getWindowEndMs();
    row[8] = m.getCount();
    row[9] = m.getMean();
    row[10] = m.getMin();
    row[11] = m.getMax();
    row[12] = m.getStddev();
    row[13] = m.getP50();
    row[14] = m.getP95();
    row[15] = m.getP99();
    row[16] = m.getLateReadingCount();
    return DecodedMessage.of(m.getHeader(), List.<Object[]>of(row));
  }

  @Override
  public TelemetryRow record(Object[] r) {
    return new TelemetryRow(
        (String) r[0],
        (Long) r[1],
        (Integer) r[2],
        instant(r[3]),
        instant(r[4]),
        (String) r[5],
        instant(r[6]),
        instant(r[7]),
        (Long) r[8],
        (Double) r[9],
        (Double) r[10],
        (Double) r[11],
        (Double) r[12],
        (Double) r[13],
        (Double) r[14],
        (Double) r[15],
        (Long) r[16]);
  }
}
