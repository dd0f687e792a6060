package dev.tandem.edge.outbox;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** Payloads derived from their sequence number, so that any stored record can be checked. */
final class TestPayloads {
  private TestPayloads() {}

  /** 8 to 120 bytes: the sequence, then bytes of a xorshift stream seeded by it. */
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

  static boolean matches(OutboxRecord record) {
    return Arrays.equals(record.payload(), of(record.sequence()));
  }
}
