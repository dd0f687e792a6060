package dev.tandem.ingest.lake.dedup;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * The sequences of one device seen so far: the highest, and which of the {@code size} sequences
 * ending at it were seen, in a ring of bits. Memory: {@code size / 8} bytes plus a few words.
 */
public final class SequenceWindow {
  private final int size;
  private final long[] bits;
  private long high;

  /**
   * @param size sequences remembered below the high-water mark; a positive multiple of 64
   */
  public SequenceWindow(int size) {
    this(size, 0, new long[checkSize(size) / 64]);
  }

  private SequenceWindow(int size, long high, long[] bits) {
    this.size = size;
    this.high = high;
    this.bits = bits;
  }

  /** Records {@code sequence} and says whether it is new. */
  public Verdict offer(long sequence) {
    if (sequence > high) {
      if (sequence - high >= size) {
        Arrays.fill(bits, 0L);
      } else {
        for (long s = high + 1; s < sequence; s++) {
          clear(s);
        }
      }
      set(sequence);
      high = sequence;
      return Verdict.NEW;
    }
    if (sequence <= high - size) {
      return Verdict.BEYOND_WINDOW;
    }
    if (isSet(sequence)) {
      return Verdict.DUPLICATE;
    }
    set(sequence);
    return Verdict.NEW;
  }

  /** The highest sequence seen; 0 when none. */
  public long high() {
    return high;
  }

  /** The window size in sequences. */
  public int size() {
    return size;
  }

  /** The ring of bits, Base64, for a checkpoint. */
  public String encodedBits() {
    ByteBuffer buffer = ByteBuffer.allocate(bits.length * 8);
    for (long word : bits) {
      buffer.putLong(word);
    }
    return Base64.getEncoder().encodeToString(buffer.array());
  }

  /**
   * Restores a window from a checkpoint.
   *
   * @throws IllegalArgumentException if the bits do not fit the size
   */
  public static SequenceWindow restore(int size, long high, String encodedBits) {
    byte[] raw = Base64.getDecoder().decode(encodedBits);
    if (raw.length * 8 != checkSize(size)) {
      throw new IllegalArgumentException(
          "dedup bits hold " + raw.length * 8 + " sequences, the window is " + size);
    }
    long[] words = new long[size / 64];
    ByteBuffer.wrap(raw).asLongBuffer().get(words);
    return new SequenceWindow(size, high, words);
  }

  private static int checkSize(int size) {
    if (size <= 0 || size % 64 != 0) {
      throw new IllegalArgumentException(
          "dedup window must be a positive multiple of 64, got " + size);
    }
    return size;
  }

  private int slot(long sequence) {
    return (int) Math.floorMod(sequence, (long) size);
  }

  private boolean isSet(long sequence) {
    int i = slot(sequence);
    return (bits[i >>> 6] & (1L << (i & 63))) != 0;
  }

  private void set(long sequence) {
    int i = slot(sequence);
    bits[i >>> 6] |= 1L << (i & 63);
  }

  private void clear(long sequence) {
    int i = slot(sequence);
    bits[i >>> 6] &= ~(1L << (i & 63));
  }
}
