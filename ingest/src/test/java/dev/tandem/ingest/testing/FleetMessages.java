package dev.tandem.ingest.testing;

import dev.tandem.protocol.message.SchemaVersion;
import dev.tandem.protocol.v1.Event;
import dev.tandem.protocol.v1.EventKind;
import dev.tandem.protocol.v1.Header;
import dev.tandem.protocol.v1.Severity;
import dev.tandem.protocol.v1.WindowSummary;

/** Valid fleet messages for tests, as a device would encode them. */
public final class FleetMessages {
  private FleetMessages() {}

  public static Header header(String deviceId, long sequence, long timestampMs) {
    return Header.newBuilder()
        .setDeviceId(deviceId)
        .setSequence(sequence)
        .setSchemaVersion(SchemaVersion.SCHEMA_VERSION)
        .setTimestampMs(timestampMs)
        .build();
  }

  public static byte[] summary(String deviceId, long sequence) {
    return summary(deviceId, sequence, System.currentTimeMillis());
  }

  public static byte[] summary(String deviceId, long sequence, long timestampMs) {
    return WindowSummary.newBuilder()
        .setHeader(header(deviceId, sequence, timestampMs))
        .setStreamId("temperature")
        .setWindowStartMs(timestampMs - 10_000)
        .setWindowEndMs(timestampMs)
        .setCount(100)
        .setMean(21.5)
        .setMin(20)
        .setMax(23)
        .setP50(21.4)
        .setP95(22.8)
        .setP99(22.9)
        .build()
        .toByteArray();
  }

  public static byte[] event(String deviceId, long sequence) {
    long now = System.currentTimeMillis();
    return Event.newBuilder()
        .setHeader(header(deviceId, sequence, now))
        .setKind(EventKind.EVENT_KIND_THRESHOLD)
        .setSeverity(Severity.SEVERITY_WARNING)
        .setStreamId("temperature")
        .setDetector("threshold")
        .setScore(1.0)
        .setOccurredAtMs(now)
        .build()
        .toByteArray();
  }
}
