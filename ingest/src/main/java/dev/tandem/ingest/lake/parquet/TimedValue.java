package dev.tandem.ingest.lake.parquet;

/**
 * One raw reading inside a list column.
 *
 * @param timestampMs when it was taken, milliseconds since the epoch
 * @param value the reading
 */
public record TimedValue(long timestampMs, double value) {}
