package dev.tandem.edge.stream;

/**
 * Events waiting for the readings that follow them, in parallel arrays so waiting allocates
 * nothing. When more events wait than fit, the oldest is emitted early with what it has.
 */
final class PendingEvents {
  /** Receives an event once its context is complete. */
  @FunctionalInterface
  interface Emitter {
    void emit(DetectorBinding binding, long timestampMillis, double value);
  }

  private final DetectorBinding[] bindings;
  private final long[] times;
  private final double[] values;
  private final int[] remaining;
  private int size;

  PendingEvents(int capacity) {
    bindings = new DetectorBinding[capacity];
    times = new long[capacity];
    values = new double[capacity];
    remaining = new int[capacity];
  }

  int size() {
    return size;
  }

  void add(DetectorBinding binding, long time, double value, int readingsAfter, Emitter emitter) {
    if (size == bindings.length) {
      emitFirst(emitter);
    }
    bindings[size] = binding;
    times[size] = time;
    values[size] = value;
    remaining[size] = readingsAfter;
    size++;
  }

  /** One more reading arrived: emits, oldest first, the events whose context is now complete. */
  void countDown(Emitter emitter) {
    for (int i = 0; i < size; i++) {
      remaining[i]--;
    }
    while (size > 0 && remaining[0] <= 0) {
      emitFirst(emitter);
    }
  }

  void drain(Emitter emitter) {
    while (size > 0) {
      emitFirst(emitter);
    }
  }

  private void emitFirst(Emitter emitter) {
    emitter.emit(bindings[0], times[0], values[0]);
    size--;
    System.arraycopy(bindings, 1, bindings, 0, size);
    System.arraycopy(times, 1, times, 0, size);
    System.arraycopy(values, 1, values, 0, size);
    System.arraycopy(remaining, 1, remaining, 0, size);
    bindings[size] = null;
  }
}
