package dev.tandem.edge.stream;

import dev.tandem.edge.detect.DetectorSignal;
import dev.tandem.edge.filter.ReadingFilter;
import dev.tandem.edge.window.WindowAggregator;
import dev.tandem.edge.window.WindowSpec;
import dev.tandem.edge.window.WindowStats;
import java.util.List;

/**
 * The per-reading path of one stream: validate, filter, detect, aggregate, sample. Single threaded
 * and allocation-free per reading (arrays, not lists or iterators, on the hot path).
 */
public final class StreamPipeline {
  private final String streamId;
  private final ValueRange range;
  private final ReadingFilter[] filters;
  private final DetectorBinding[] detectors;
  private final WindowAggregator windows;
  private final ReadingHistory history;
  private final ReadingHistory samples;
  private final int sampleEvery;
  private final PipelineSink sink;
  private long readings;
  private long invalid;
  private long events;
  private long untilSample;

  /**
   * @param contextReadings readings an event carries (the ones leading up to it)
   * @param sampleEvery keep every n-th reading as a raw training sample; 0 for none
   * @param sampleBatch raw samples per batch handed to the sink
   */
  public StreamPipeline(
      String streamId,
      ValueRange range,
      List<ReadingFilter> filters,
      List<DetectorBinding> detectors,
      WindowSpec window,
      int contextReadings,
      int sampleEvery,
      int sampleBatch,
      PipelineSink sink) {
    if (sampleEvery < 0) {
      throw new IllegalArgumentException("sampleEvery must be >= 0, got " + sampleEvery);
    }
    this.streamId = streamId;
    this.range = range;
    this.filters = filters.toArray(ReadingFilter[]::new);
    this.detectors = detectors.toArray(DetectorBinding[]::new);
    this.sink = sink;
    this.history = new ReadingHistory(contextReadings);
    this.samples = new ReadingHistory(Math.max(1, sampleBatch));
    this.sampleEvery = sampleEvery;
    this.untilSample = sampleEvery;
    this.windows = new WindowAggregator(window, this::onWindow);
  }

  /** Processes one reading in event time. Invalid readings are counted, reported and dropped. */
  public void accept(long timestampMillis, double value) {
    if (!range.contains(value)) {
      invalid++;
      sink.onInvalid(streamId, timestampMillis, value);
      return;
    }
    readings++;
    if (sampleEvery > 0 && --untilSample == 0) {
      untilSample = sampleEvery;
      samples.add(timestampMillis, value);
      if (samples.size() == samples.capacity()) {
        sink.onSamples(streamId, samples);
        samples.clear();
      }
    }
    double filtered = value;
    for (ReadingFilter filter : filters) {
      filtered = filter.apply(filtered);
    }
    history.add(timestampMillis, filtered);
    for (DetectorBinding binding : detectors) {
      if (binding.detector().update(timestampMillis, filtered) == DetectorSignal.RAISED) {
        events++;
        sink.onEvent(streamId, binding, timestampMillis, filtered, history);
      }
    }
    windows.add(timestampMillis, filtered);
  }

  /** Emits every open window and pending samples, as at the end of a stream or at shutdown. */
  public void flush() {
    windows.flush();
    if (samples.size() > 0) {
      sink.onSamples(streamId, samples);
      samples.clear();
    }
  }

  private void onWindow(long start, long end, WindowStats stats, long late) {
    sink.onWindow(streamId, start, end, stats, late);
  }

  public String streamId() {
    return streamId;
  }

  /** Valid readings processed. */
  public long readings() {
    return readings;
  }

  /** Readings refused as NaN, infinite or out of range. */
  public long invalidReadings() {
    return invalid;
  }

  /** Events raised. */
  public long events() {
    return events;
  }

  /** Readings dropped as later than the window's allowed lateness. */
  public long lateReadings() {
    return windows.lateReadings();
  }
}
