package dev.tandem.ingest.lake.dataset;

import dev.tandem.ingest.lake.parquet.TimedValue;
import java.time.Instant;
import java.util.List;

/** A row of the {@code events} table: one {@code Event}, its context readings as a list. */
public record EventRow(
    String deviceId,
    long sequence,
    int schemaVersion,
    Instant eventTime,
    Instant receivedAt,
    String kind,
    String severity,
    String streamId,
    String detector,
    double score,
    String message,
    Instant occurredAt,
    List<TimedValue> context) {
  public EventRow {
    context = List.copyOf(context);
  }
}
