package dev.tandem.ingest.lake.dataset;

import java.time.Instant;

/**
 * A row of the {@code samples} table: one reading of a {@code RawSampleBatch}. The batch's header
 * fields repeat on each of its readings; {@code readingIndex} is the reading's position in it.
 */
public record SampleRow(
    String deviceId,
    long sequence,
    int schemaVersion,
    Instant eventTime,
    Instant receivedAt,
    String streamId,
    String reason,
    long eventSequence,
    int readingIndex,
    Instant readingTime,
    double value) {}
