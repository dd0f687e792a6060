package dev.tandem.edge.output;

import dev.tandem.edge.outbox.MessageClass;
import dev.tandem.edge.outbox.Outbox;
import dev.tandem.edge.stream.DetectorBinding;
import dev.tandem.edge.stream.PipelineSink;
import dev.tandem.edge.stream.ReadingHistory;
import dev.tandem.edge.window.WindowStats;
import dev.tandem.protocol.message.Headers;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.topic.TopicKind;
import dev.tandem.protocol.v1.Event;
import dev.tandem.protocol.v1.RawSampleBatch;
import dev.tandem.protocol.v1.Reading;
import dev.tandem.protocol.v1.SampleReason;
import dev.tandem.protocol.v1.WindowSummary;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * The agent's {@link PipelineSink}: encodes each output as a protocol message carrying the outbox's
 * sequence number and appends it to the outbox. Allocation happens per message, never per reading.
 */
public final class OutboxWriter implements PipelineSink {
  private static final Logger LOG = Logger.getLogger(OutboxWriter.class.getName());

  /** One reading as a raw stream would send it: a {@code Reading} in a repeated field. */
  static final int RAW_READING_BYTES =
      Reading.newBuilder()
              .setTimestampMs(1_700_000_000_000L)
              .setValue(21.5)
              .build()
              .getSerializedSize()
          + 2;

  private final DeviceId deviceId;
  private final Outbox outbox;
  private final InstantSource clock;
  private final ByteBudget sampleBudget;
  private final OutputCounters counters = new OutputCounters();
  private final ConcurrentHashMap<String, LongAdder> invalidByStream = new ConcurrentHashMap<>();
  private final Runnable afterAppend;

  /**
   * @param afterAppend run after each append (the uplink's wake-up)
   */
  public OutboxWriter(
      DeviceId deviceId,
      Outbox outbox,
      InstantSource clock,
      long sampleBudgetBytesPerSecond,
      Runnable afterAppend) {
    this.deviceId = deviceId;
    this.outbox = outbox;
    this.clock = clock;
    this.sampleBudget = new ByteBudget(sampleBudgetBytesPerSecond, clock);
    this.afterAppend = afterAppend;
  }

  public OutputCounters counters() {
    return counters;
  }

  @Override
  public void onWindow(
      String streamId, long startMillis, long endMillis, WindowStats stats, long lateReadings) {
    long count = stats.count();
    double mean = stats.mean();
    double min = stats.min();
    double max = stats.max();
    double stddev = stats.stddev();
    double p50 = stats.quantile(0.50);
    double p95 = stats.quantile(0.95);
    double p99 = stats.quantile(0.99);
    boolean ok =
        append(
            MessageClass.SUMMARY,
            TopicKind.TELEMETRY,
            sequence ->
                WindowSummary.newBuilder()
                    .setHeader(header(sequence))
                    .setStreamId(streamId)
                    .setWindowStartMs(startMillis)
                    .setWindowEndMs(endMillis)
                    .setCount(count)
                    .setMean(mean)
                    .setMin(min)
                    .setMax(max)
                    .setStddev(stddev)
                    .setP50(p50)
                    .setP95(p95)
                    .setP99(p99)
                    .setLateReadingCount(lateReadings)
                    .build()
                    .toByteArray());
    if (ok) {
      counters.summaries.increment();
      counters.rawBytesEquivalent.add(count * RAW_READING_BYTES);
    }
  }

  @Override
  public void onEvent(
      String streamId,
      DetectorBinding detector,
      long timestampMillis,
      double value,
      ReadingHistory context) {
    var builder =
        Event.newBuilder()
            .setKind(detector.kind())
            .setSeverity(detector.severity())
            .setStreamId(streamId)
            .setDetector(detector.detector().name())
            .setScore(detector.detector().score())
            .setOccurredAtMs(timestampMillis)
            .setMessage(
                String.format(
                    Locale.ROOT,
                    "%s on %s: value %.4g",
                    detector.detector().name(),
                    streamId,
                    value));
    for (int i = 0; i < context.size(); i++) {
      builder.addContext(
          Reading.newBuilder().setTimestampMs(context.time(i)).setValue(context.value(i)));
    }
    if (append(
        MessageClass.EVENT,
        TopicKind.EVENTS,
        sequence -> builder.setHeader(header(sequence)).build().toByteArray())) {
      counters.events.increment();
    }
  }

  @Override
  public void onSamples(String streamId, ReadingHistory samples) {
    var builder =
        RawSampleBatch.newBuilder()
            .setStreamId(streamId)
            .setReason(SampleReason.SAMPLE_REASON_RANDOM);
    for (int i = 0; i < samples.size(); i++) {
      builder.addReadings(
          Reading.newBuilder().setTimestampMs(samples.time(i)).setValue(samples.value(i)));
    }
    if (!sampleBudget.tryTake(builder.build().getSerializedSize() + 16)) {
      counters.samplesOverBudget.increment();
      return;
    }
    if (append(
        MessageClass.SAMPLE,
        TopicKind.SAMPLES,
        sequence -> builder.setHeader(header(sequence)).build().toByteArray())) {
      counters.sampleBatches.increment();
    }
  }

  @Override
  public void onInvalid(String streamId, long timestampMillis, double value) {
    counters.invalidReadings.increment();
    LongAdder perStream = invalidByStream.computeIfAbsent(streamId, s -> new LongAdder());
    perStream.increment();
    long n = perStream.sum();
    if (n == 1 || n % 10_000 == 0) {
      LOG.warning(
          () ->
              "stream %s: refused reading %s at %s (NaN, infinite or outside the configured range); %d so far"
                  .formatted(streamId, value, Instant.ofEpochMilli(timestampMillis), n));
    }
  }

  private boolean append(
      MessageClass messageClass, TopicKind kind, java.util.function.LongFunction<byte[]> encoder) {
    try {
      outbox.append(messageClass, kind, encoder);
      afterAppend.run();
      return true;
    } catch (RuntimeException e) {
      // A full outbox that may not shed events refuses: counted, and the stream goes on.
      counters.refusedByOutbox.increment();
      LOG.warning(() -> "outbox refused a " + messageClass + " message: " + e.getMessage());
      return false;
    }
  }

  private dev.tandem.protocol.v1.Header header(long sequence) {
    return Headers.create(deviceId, sequence, clock.instant());
  }
}
