package dev.tandem.edge.window;

/** Receives each completed window. */
@FunctionalInterface
public interface WindowSink {
  /**
   * @param startMillis inclusive window start, event time
   * @param endMillis exclusive window end, event time
   * @param stats the window's statistics; valid only during the call
   * @param lateReadings readings dropped as too late since the previous window was emitted
   */
  void onWindow(long startMillis, long endMillis, WindowStats stats, long lateReadings);
}
