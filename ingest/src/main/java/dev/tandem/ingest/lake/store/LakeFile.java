package dev.tandem.ingest.lake.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A data file of the lake, as its name describes it.
 *
 * @param name full object name
 * @param dataset table name
 * @param date UTC date of the event times in it
 * @param hour UTC hour of the event times in it, 0-23
 * @param partition Kafka partition its rows came from
 * @param firstOffset first Kafka offset of the flush that wrote it
 * @param lastOffset last Kafka offset of that flush (inclusive)
 * @param size bytes
 */
public record LakeFile(
    String name,
    String dataset,
    LocalDate date,
    int hour,
    int partition,
    long firstOffset,
    long lastOffset,
    long size) {

  /** Start of the event-time hour the file covers. */
  public Instant hourStart() {
    return date.atTime(hour, 0).toInstant(ZoneOffset.UTC);
  }
}
