package dev.tandem.edge.window;

/**
 * Aggregates one stream into event-time windows. Readings are kept in panes of one hop each; a
 * window is the merge of its {@code size / hop} panes, emitted once the watermark (the latest event
 * time seen minus the allowed lateness) passes its end.
 *
 * <p>Late rule: a reading whose pane is older than the oldest window not yet emitted is dropped and
 * counted; the count travels with the next emitted window. A reading that is late for some sliding
 * windows but not for later ones counts only in the later ones. Out-of-order readings within the
 * allowed lateness are aggregated normally. Windows without readings are not emitted.
 */
public final class WindowAggregator {
  private final WindowSpec spec;
  private final WindowSink sink;
  private final int panesPerWindow;
  private final WindowStats[] panes;
  private final long[] paneIndex;
  private final WindowStats merged = new WindowStats();
  private long nextWindow = Long.MIN_VALUE; // index of the first pane of the next window to emit
  private long maxTime = Long.MIN_VALUE;
  private long late;
  private long lateTotal;

  public WindowAggregator(WindowSpec spec, WindowSink sink) {
    this.spec = spec;
    this.sink = sink;
    this.panesPerWindow = spec.panesPerWindow();
    int capacity =
        panesPerWindow + (int) ceilDiv(spec.allowedLatenessMillis(), spec.hopMillis()) + 2;
    this.panes = new WindowStats[capacity];
    this.paneIndex = new long[capacity];
    for (int i = 0; i < capacity; i++) {
      panes[i] = new WindowStats();
      paneIndex[i] = Long.MIN_VALUE;
    }
  }

  /** Adds one reading; may emit completed windows first. */
  public void add(long timestampMillis, double value) {
    long pane = Math.floorDiv(timestampMillis, spec.hopMillis());
    if (nextWindow == Long.MIN_VALUE) {
      nextWindow = pane - panesPerWindow + 1;
    }
    if (pane < nextWindow) {
      late++;
      lateTotal++;
      return;
    }
    if (timestampMillis > maxTime) {
      long previousMaxPane =
          maxTime == Long.MIN_VALUE ? pane : Math.floorDiv(maxTime, spec.hopMillis());
      maxTime = timestampMillis;
      emitUpTo(maxTime - spec.allowedLatenessMillis(), previousMaxPane, pane);
    }
    int slot = slot(pane);
    if (paneIndex[slot] != pane) {
      panes[slot].clear();
      paneIndex[slot] = pane;
    }
    panes[slot].add(value);
  }

  /** Emits every window that holds readings, as at the end of a stream. */
  public void flush() {
    if (maxTime == Long.MIN_VALUE) {
      return;
    }
    long maxPane = Math.floorDiv(maxTime, spec.hopMillis());
    while (nextWindow <= maxPane) {
      emit(nextWindow);
      nextWindow++;
    }
  }

  /** Readings dropped as late since construction. */
  public long lateReadings() {
    return lateTotal;
  }

  private void emitUpTo(long watermark, long previousMaxPane, long newPane) {
    while ((nextWindow + panesPerWindow) * spec.hopMillis() <= watermark) {
      if (nextWindow > previousMaxPane) {
        // Every window with earlier readings is out; those up to the new pane's are empty.
        nextWindow = Math.max(nextWindow, newPane - panesPerWindow + 1);
        return;
      }
      emit(nextWindow);
      nextWindow++;
    }
  }

  private void emit(long firstPane) {
    WindowStats stats;
    if (panesPerWindow == 1) {
      int slot = slot(firstPane);
      if (paneIndex[slot] != firstPane || panes[slot].count() == 0) {
        return;
      }
      stats = panes[slot];
    } else {
      merged.clear();
      for (long p = firstPane; p < firstPane + panesPerWindow; p++) {
        int slot = slot(p);
        if (paneIndex[slot] == p) {
          merged.merge(panes[slot]);
        }
      }
      if (merged.count() == 0) {
        return;
      }
      stats = merged;
    }
    long start = firstPane * spec.hopMillis();
    sink.onWindow(start, start + spec.sizeMillis(), stats, late);
    late = 0;
  }

  private int slot(long pane) {
    return (int) Math.floorMod(pane, (long) panes.length);
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
