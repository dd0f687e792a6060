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
  private final int contextAfter;
  private final PendingEvents pending;
  private final ReadingHistory samples;
  private final int sampleEvery;
  private final PipelineSink sink;
  private long readings;
  private long invalid;
  private long events;
  private long untilSample;

  /** A pipeline whose events carry only the readings leading up to them. */
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
    this(
        streamId,
        range,
        filters,
        detectors,
        window,
        contextReadings,
        0,
        sampleEvery,
        sampleBatch,
        sink);
  }

  /**
   * @param contextReadings readings an event carries from before it (the raising one included)
   * @param contextAfter readings after it the event waits for and carries too, so the cloud sees
   *     what followed; the event is delayed by that many readings (or until {@link #flush})
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
      int contextAfter,
      int sampleEvery,
      int sampleBatch,
      PipelineSink sink) {
    if (contextAfter < 0) {
      throw new IllegalArgumentException("contextAfter must be >= 0, got " + contextAfter);
    }
    if (sampleEvery < 0) {
      throw new IllegalArgumentException("sampleEvery must be >= 0, got " + sampleEvery);
    }
    this.streamId = streamId;
    this.range = range;
    this.filters = filters.toArray(ReadingFilter[]::new);
    this.detectors = detectors.toArray(DetectorBinding[]::new);
    this.sink = sink;
    this.history = new ReadingHistory(contextReadings + contextAfter);
    this.contextAfter = contextAfter;
    this.pending = new PendingEvents(8);
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
    if (pending.size() > 0) {
      pending.countDown(this::emit);
    }
    for (DetectorBinding binding : detectors) {
      if (binding.detector().update(timestampMillis, filtered) == DetectorSignal.RAISED) {
        events++;
        if (contextAfter == 0) {
          sink.onEvent(streamId, binding, timestampMillis, filtered, history);
        } else {
          pending.add(binding, timestampMillis, filtered, contextAfter, this::emit);
        }
      }
    }
    windows.add(timestampMillis, filtered);
  }

  /** Emits every open window and pending samples, as at the end of a stream or at shutdown. */
  public void flush() {
    pending.drain(this::emit);
    windows.flush();
    if (samples.size() > 0) {
      sink.onSamples(streamId, samples);
      samples.clear();
    }
  }

  private void emit(DetectorBinding binding, long timestampMillis, double value) {
    sink.onEvent(streamId, binding, timestampMillis, value, history);
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
