package dev.tandem.edge.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The last inputs the agent's models saw, so a new version can be health-checked on real traffic
 * before it is switched in. Fixed capacity; the newest input replaces the oldest.
 */
public final class InputHistory {
  private final float[][] ring;
  private int next;
  private int size;

  /** A history of at most {@code capacity} inputs; 0 keeps none. */
  public InputHistory(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be >= 0, got " + capacity);
    }
    this.ring = new float[capacity][];
  }

  /** Remembers a copy of {@code input}. */
  public synchronized void add(float[] input) {
    if (ring.length == 0) {
      return;
    }
    float[] slot = ring[next];
    if (slot == null || slot.length != input.length) {
      slot = new float[input.length];
      ring[next] = slot;
    }
    System.arraycopy(input, 0, slot, 0, input.length);
    next = (next + 1) % ring.length;
    size = Math.min(size + 1, ring.length);
  }

  /** Copies of the remembered inputs of exactly {@code length} floats, oldest first. */
  public synchronized List<float[]> recent(int length) {
    List<float[]> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      float[] input = ring[(next - size + i + ring.length) % ring.length];
      if (input.length == length) {
        out.add(input.clone());
      }
    }
    return out;
  }
}
