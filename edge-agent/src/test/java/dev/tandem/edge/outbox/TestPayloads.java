package dev.tandem.edge.outbox;

import dev.tandem.protocol.topic.TopicKind;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Payloads derived from their sequence number, so that any stored record can be checked. */
final class TestPayloads {
  private TestPayloads() {}

  /** 8 to 120 bytes: the sequence, then bytes of a xorshift stream seeded by it. */
  /** The topic a record of this class goes to. */
  static TopicKind kindOf(MessageClass messageClass) {
    return switch (messageClass) {
      case EVENT -> TopicKind.EVENTS;
      case SUMMARY -> TopicKind.TELEMETRY;
      case SAMPLE -> TopicKind.SAMPLES;
      case STATE -> TopicKind.STATE;
    };
  }

  static byte[] of(long sequence) {
    int length = 8 + Math.floorMod(sequence * 7919, 113);
    return of(sequence, length);
  }

  /** {@code length} bytes (at least 8) derived from {@code sequence}. */
  static byte[] of(long sequence, int length) {
    byte[] bytes = new byte[length];
    ByteBuffer.wrap(bytes).putLong(sequence);
    long x = sequence * 0x9E3779B97F4A7C15L + 1;
    for (int i = 8; i < length; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      bytes[i] = (byte) x;
    }
    return bytes;
  }

  /** Patterns for large payloads, so that making one costs a copy rather than a computation. */
  private static final byte[][] LARGE = new byte[8][];

  static {
    for (int i = 0; i < LARGE.length; i++) {
      LARGE[i] = of(i + 1, 192 * 1024);
    }
  }

  /**
   * The payload {@link OutboxChild} writes in {@code mode}: in "large" mode 64 to 192 KiB, the
   * sequence followed by one of a few fixed patterns.
   */
  static byte[] forMode(String mode, long sequence) {
    if (!"large".equals(mode)) {
      return of(sequence);
    }
    byte[] bytes =
        Arrays.copyOf(
            LARGE[(int) (sequence % LARGE.length)],
            64 * 1024 + Math.floorMod(sequence * 7919, 128 * 1024));
    ByteBuffer.wrap(bytes).putLong(sequence);
    return bytes;
  }

  static boolean matches(OutboxRecord record) {
    return Arrays.equals(record.payload(), of(record.sequence()));
  }

  static boolean matches(String mode, OutboxRecord record) {
    return Arrays.equals(record.payload(), forMode(mode, record.sequence()));
  }
}
