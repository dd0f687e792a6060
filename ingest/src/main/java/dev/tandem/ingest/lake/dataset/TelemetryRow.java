package dev.tandem.ingest.lake.dataset;

import java.time.Instant;

/** A row of the {@code telemetry} table: one {@code WindowSummary}. */
public record TelemetryRow(
    String deviceId,
    long sequence,
    int schemaVersion,
    Instant eventTime,
    Instant receivedAt,
    String streamId,
    Instant windowStart,
    Instant windowEnd,
    long count,
    double mean,
    double min,
    double max,
    double stddev,
    double p50,
    double p95,
    double p99,
    long lateReadingCount) {}
