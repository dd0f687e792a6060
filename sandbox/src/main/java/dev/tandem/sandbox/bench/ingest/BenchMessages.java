package dev.tandem.sandbox.bench.ingest;

import dev.tandem.protocol.message.SchemaVersion;
import dev.tandem.protocol.v1.Header;
import dev.tandem.protocol.v1.WindowSummary;

/** The simulated fleet's messages: device {@code i} is {@code bench-00i}, sequences from 1. */
final class BenchMessages {
  static final String PREFIX = "bench-";

  private BenchMessages() {}

  static String deviceId(int device) {
    return PREFIX + String.format("%05d", device);
  }

  static int deviceIndex(String deviceId) {
    return Integer.parseInt(deviceId, PREFIX.length(), deviceId.length(), 10);
  }

  static String topic(int device) {
    return "fleet/" + deviceId(device) + "/telemetry";
  }

  static byte[] summary(int device, long sequence) {
    long now = System.currentTimeMillis();
    return WindowSummary.newBuilder()
        .setHeader(
            Header.newBuilder()
                .setDeviceId(deviceId(device))
                .setSequence(sequence)
                .setSchemaVersion(SchemaVersion.SCHEMA_VERSION)
                .setTimestampMs(now))
        .setStreamId("spindle.vibration")
        .setWindowStartMs(now - 10_000)
        .setWindowEndMs(now)
        .setCount(1000)
        .setMean(0.02)
        .setMin(-2.1)
        .setMax(2.2)
        .setStddev(0.7)
        .setP50(0.01)
        .setP95(1.2)
        .setP99(1.9)
        .build()
        .toByteArray();
  }
}
