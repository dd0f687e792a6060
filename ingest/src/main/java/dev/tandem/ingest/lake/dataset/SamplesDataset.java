package dev.tandem.ingest.lake.dataset;

import dev.tandem.ingest.lake.parquet.Column;
import dev.tandem.ingest.lake.parquet.ColumnType;
import dev.tandem.protocol.message.MessageCodec;
import dev.tandem.protocol.stream.FleetStream;
import dev.tandem.protocol.v1.RawSampleBatch;
import dev.tandem.protocol.v1.Reading;
import dev.tandem.protocol.v1.SampleReason;
import java.util.ArrayList;
import java.util.List;

/** Raw sample batches, one row per reading: the shape a trainer reads. */
final class SamplesDataset extends LakeDataset<SampleRow> {

  SamplesDataset() {
    super(
        "samples",
        FleetStream.SAMPLES,
        List.of(
            new Column("stream_id", ColumnType.STRING),
            new Column("reason", ColumnType.STRING),
            new Column("event_sequence", ColumnType.INT64),
            new Column("reading_index", ColumnType.INT32),
            new Column("reading_time", ColumnType.TIMESTAMP_MILLIS),
            new Column("value", ColumnType.DOUBLE)));
  }

  @Override
  public DecodedMessage decode(byte[] value, long receivedAtMs) {
    RawSampleBatch m = decodeWith(MessageCodec.RAW_SAMPLES, value);
    String reason =
        m.getReason() == SampleReason.UNRECOGNIZED
            ? Integer.toString(m.getReasonValue())
            : m.getReason().name();
    int width = schema().columns().size();
    List<Object[]> rows = new ArrayList<>(m.getReadingsCount());
    for (int i = 0; i < m.getReadingsCount(); i++) {
      Reading reading = m.getReadings(i);
      Object[] row = startRow(m.getHeader(), receivedAtMs, width);
      row[5] = m.getStreamId();
      row[6] = reason;
      row[7] = m.getEventSequence();
      row[8] = i;
      row[9] = reading.getTimestampMs();
      row[10] = reading.getValue();
      rows.add(row);
    }
    return DecodedMessage.of(m.getHeader(), rows);
  }

  @Override
  public SampleRow record(Object[] r) {
    return new SampleRow(
        (String) r[0],
        (Long) r[1],
        (Integer) r[2],
        instant(r[3]),
        instant(r[4]),
        (String) r[5],
        (String) r[6],
        (Long) r[7],
        (Integer) r[8],
        instant(r[9]),
        (Double) r[10]);
  }
}
