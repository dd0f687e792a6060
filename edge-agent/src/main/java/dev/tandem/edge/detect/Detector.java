package dev.tandem.edge.detect;

/**
 * Detects events on one stream of readings, one reading at a time, in event-time order. Rule
 * detectors (thresholds, rate of change), statistical detectors and cached models all implement it.
 * Implementations are stateful, single-threaded, and must not allocate per reading: they run on the
 * agent's hot path.
 */
public interface Detector {

  /**
   * Feeds the next reading and returns what changed.
   *
   * @param timestampMillis event time of the reading, epoch milliseconds
   * @param value the (filtered) reading; never NaN or infinite
   * @return {@link DetectorSignal#RAISED} when an event starts at this reading, {@link
   *     DetectorSignal#CLEARED} when it ends, {@link DetectorSignal#ACTIVE} while it lasts, {@link
   *     DetectorSignal#QUIET} otherwise
   */
  DetectorSignal update(long timestampMillis, double value);

  /**
   * How anomalous the last reading looked, in [0, 1]; detectors without a graded notion answer 0 or
   * 1. Valid after {@link #update}.
   */
  double score();

  /** A short stable name for reports and events, e.g. {@code threshold} or {@code robust-z}. */
  String name();

  /** Forgets all state, as after a restart. */
  void reset();
}
