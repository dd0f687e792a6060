package dev.tandem.edge.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.edge.detect.rule.RateOfChangeDetector;
import dev.tandem.edge.detect.rule.ThresholdDetector;
import dev.tandem.edge.filter.ExponentialSmoothing;
import dev.tandem.edge.filter.HampelFilter;
import dev.tandem.edge.filter.MedianFilter;
import dev.tandem.edge.window.WindowSpec;
import dev.tandem.edge.window.WindowStats;
import dev.tandem.protocol.v1.EventKind;
import dev.tandem.protocol.v1.Severity;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-reading path must not allocate: measured with the JVM's per-thread allocation counter.
 */
class HotPathAllocationTest {

  @Test
  void aMillionReadingsThroughTheFullPipelineAllocateAlmostNothing() {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    var pipeline =
        new StreamPipeline(
            "alloc",
            new ValueRange(-1e6, 1e6),
            List.of(new HampelFilter(7, 3), new MedianFilter(3), new ExponentialSmoothing(0.3)),
            List.of(
                new DetectorBinding(
                    new ThresholdDetector(-1e5, 1e5, 1, 2),
                    EventKind.EVENT_KIND_THRESHOLD,
                    Severity.SEVERITY_INFO),
                new DetectorBinding(
                    new RateOfChangeDetector(1e9, 2),
                    EventKind.EVENT_KIND_RATE_OF_CHANGE,
                    Severity.SEVERITY_INFO)),
            WindowSpec.sliding(
                Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(1)),
            32,
            0,
            1,
            new QuietSink());
    for (int i = 0; i < 200_000; i++) { // warm up: JIT, sketch bins, window panes
      pipeline.accept(i * 10L, Math.sin(i * 0.01) * 100);
    }
    long tid = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(tid);
    for (int i = 200_000; i < 1_200_000; i++) {
      pipeline.accept(i * 10L, Math.sin(i * 0.01) * 100);
    }
    long allocated = threads.getThreadAllocatedBytes(tid) - before;

    // 1,000 windows are emitted on the way (merging panes); a reading allocating even one
    // 16-byte object would show as 16 MB.
    assertThat(allocated).as("bytes allocated for 1,000,000 readings").isLessThan(1_000_000);
  }

  private static final class QuietSink implements PipelineSink {
    @Override
    public void onWindow(
        String streamId, long startMillis, long endMillis, WindowStats stats, long lateReadings) {}

    @Override
    public void onEvent(
        String streamId,
        DetectorBinding detector,
        long timestampMillis,
        double value,
        ReadingHistory context) {}

    @Override
    public void onSamples(String streamId, ReadingHistory samples) {}

    @Override
    public void onInvalid(String streamId, long timestampMillis, double value) {}
  }
}
