package dev.tandem.ingest.testing;

import dev.tandem.ingest.validate.DeadLetterReason;
import dev.tandem.protocol.v1.Header;
import dev.tandem.protocol.v1.WindowSummary;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Payloads that are invalid by construction, each with the reason the bridge must give. Every
 * mutation is chosen so that it can never produce a valid message by chance.
 */
public final class Malformed {
  /** One malformed payload and the reason it must be dead-lettered with. */
  public record Case(String topic, byte[] payload, DeadLetterReason reason) {}

  private final SplittableRandom random;
  private final int oversizedBytes;

  public Malformed(long seed, int oversizedBytes) {
    this.random = new SplittableRandom(seed);
    this.oversizedBytes = oversizedBytes;
  }

  /** The next case for {@code device}; kinds rotate so every kind is well represented. */
  public Case next(String device, long sequence) {
    String telemetry = "fleet/" + device + "/telemetry";
    byte[] valid = FleetMessages.summary(device, sequence);
    int kind = random.nextInt(100);
    if (kind < 30) {
      // Random bytes after a zero tag, which protobuf always refuses.
      byte[] bytes = new byte[1 + random.nextInt(200)];
      random.nextBytes(bytes);
      bytes[0] = 0;
      return new Case(telemetry, bytes, DeadLetterReason.MALFORMED_PAYLOAD);
    }
    if (kind < 50) {
      // Cut inside the header: its declared length runs past the end.
      int headerEnd = 2 + (valid[1] & 0xFF);
      int cut = 2 + random.nextInt(headerEnd - 2);
      return new Case(telemetry, Arrays.copyOf(valid, cut), DeadLetterReason.MALFORMED_PAYLOAD);
    }
    if (kind < 60) {
      // The first tag's wire type corrupted into 7, which does not exist.
      byte[] corrupted = valid.clone();
      corrupted[0] = (byte) ((corrupted[0] & 0xF8) | 7);
      return new Case(telemetry, corrupted, DeadLetterReason.MALFORMED_PAYLOAD);
    }
    if (kind < 70) {
      return new Case(
          telemetry,
          withHeader(
              valid,
              FleetMessages.header(device, sequence, now()).toBuilder()
                  .setSchemaVersion(90 + random.nextInt(10))
                  .build()),
          DeadLetterReason.UNSUPPORTED_SCHEMA_VERSION);
    }
    if (kind < 80) {
      return new Case(
          telemetry,
          FleetMessages.summary(device + "-impostor", sequence),
          DeadLetterReason.DEVICE_ID_MISMATCH);
    }
    if (kind < 85) {
      return new Case(
          telemetry,
          WindowSummary.newBuilder().setStreamId("no-header").build().toByteArray(),
          DeadLetterReason.MISSING_HEADER);
    }
    if (kind < 92) {
      long future = now() + 3_600_000 + random.nextInt(1_000_000);
      return new Case(
          telemetry,
          FleetMessages.summary(device, sequence, future),
          DeadLetterReason.TIMESTAMP_OUT_OF_RANGE);
    }
    if (kind < 97) {
      // A device id with a character the protocol does not allow, though MQTT does.
      return new Case(
          "fleet/" + device + "~" + random.nextInt(10) + "/telemetry",
          valid,
          DeadLetterReason.MALFORMED_TOPIC);
    }
    byte[] huge = new byte[oversizedBytes + 1 + random.nextInt(1000)];
    System.arraycopy(valid, 0, huge, 0, valid.length);
    return new Case(telemetry, huge, DeadLetterReason.OVERSIZED);
  }

  private static byte[] withHeader(byte[] summary, Header header) {
    try {
      return WindowSummary.parseFrom(summary).toBuilder().setHeader(header).build().toByteArray();
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long now() {
    return System.currentTimeMillis();
  }
}
