package dev.tandem.ingest.lake.dataset;

import dev.tandem.ingest.lake.parquet.Column;
import dev.tandem.ingest.lake.parquet.ColumnType;
import dev.tandem.ingest.lake.parquet.TimedValue;
import dev.tandem.protocol.message.MessageCodec;
import dev.tandem.protocol.stream.FleetStream;
import dev.tandem.protocol.v1.Event;
import dev.tandem.protocol.v1.EventKind;
import dev.tandem.protocol.v1.Reading;
import dev.tandem.protocol.v1.Severity;
import java.util.ArrayList;
import java.util.List;

/** Events, one row each; the context readings are a list column. */
final class EventsDataset extends LakeDataset<EventRow> {

  EventsDataset() {
    super(
        "events",
        FleetStream.EVENTS,
        List.of(
            new Column("kind", ColumnType.STRING),
            new Column("severity", ColumnType.STRING),
            new Column("stream_id", ColumnType.STRING),
            new Column("detector", ColumnType.STRING),
            new Column("score", ColumnType.DOUBLE),
            new Column("message", ColumnType.STRING),
            new Column("occurred_at", ColumnType.TIMESTAMP_MILLIS),
            new Column("context", ColumnType.READINGS)));
  }

  @Override
  public DecodedMessage decode(byte[] value, long receivedAtMs) {
    Event m = decodeWith(MessageCodec.EVENT, value);
    Object[] row = startRow(m.getHeader(), receivedAtMs, schema().columns().size());
    // Enum names, not numbers: readable in SQL; a value this code does not know stays a number.
    row[5] = kind(m);
    row[6] = severity(m);
    row[7] = m.getStreamId();
    row[8] = m.getDetector();
    row[9] = m.getScore();
    row[10] = m.getMessage();
    row[11] = m.getOccurredAtMs();
    List<TimedValue> context = new ArrayList<>(m.getContextCount());
    for (Reading reading : m.getContextList()) {
      context.add(new TimedValue(reading.getTimestampMs(), reading.getValue()));
    }
    row[12] = List.copyOf(context);
    return DecodedMessage.of(m.getHeader(), List.<Object[]>of(row));
  }

  private static String kind(Event m) {
    return m.getKind() == EventKind.UNRECOGNIZED
        ? Integer.toString(m.getKindValue())
        : m.getKind().name();
  }

  private static String severity(Event m) {
    return m.getSeverity() == Severity.UNRECOGNIZED
        ? Integer.toString(m.getSeverityValue())
        : m.getSeverity().name();
  }

  @Override
  @SuppressWarnings("unchecked") // the READINGS column holds List<TimedValue>
  public EventRow record(Object[] r) {
    return new EventRow(
        (String) r[0],
        (Long) r[1],
        (Integer) r[2],
        instant(r[3]),
        instant(r[4]),
        (String) r[5],
        (String) r[6],
        (String) r[7],
        (String) r[8],
        (Double) r[9],
        (String) r[10],
        instant(r[11]),
        (List<TimedValue>) r[12]);
  }
}
