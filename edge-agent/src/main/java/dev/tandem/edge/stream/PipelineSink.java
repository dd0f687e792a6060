package dev.tandem.edge.stream;

import dev.tandem.edge.window.WindowStats;

/** Where a stream pipeline's outputs go; called on the pipeline's thread. */
public interface PipelineSink {
  /** A window completed. {@code stats} is valid only during the call. */
  void onWindow(
      String streamId, long startMillis, long endMillis, WindowStats stats, long lateReadings);

  /**
   * A detector raised an event at this reading; {@code context} holds the readings up to and
   * including it, valid only during the call.
   */
  void onEvent(
      String streamId,
      DetectorBinding detector,
      long timestampMillis,
      double value,
      ReadingHistory context);

  /** A sampled batch of raw readings for training; valid only during the call. */
  void onSamples(String streamId, ReadingHistory samples);

  /** A reading was refused (NaN, infinite or out of range); never stops the stream. */
  void onInvalid(String streamId, long timestampMillis, double value);
}
