package dev.tandem.ingest.lake.parquet;

/**
 * The value types of lake columns and the Java type a row holds for each. Every column is required:
 * a protobuf field that was not set reads as its default, as it does in protobuf.
 */
public enum ColumnType {
  /** UTF-8 text; a {@link String}. */
  STRING,
  /** 32-bit signed integer; an {@link Integer}. */
  INT32,
  /** 64-bit signed integer; a {@link Long}. Unsigned protobuf fields above 2^63-1 wrap. */
  INT64,
  /** 64-bit float; a {@link Double}. */
  DOUBLE,
  /** Instant, milliseconds since the epoch, UTC-adjusted; a {@link Long}. */
  TIMESTAMP_MILLIS,
  /** A list of (timestamp, value) readings; a {@code List<TimedValue>}. */
  READINGS
}
