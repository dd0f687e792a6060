package dev.tandem.edge.bench;

import dev.tandem.edge.detect.rule.RateOfChangeDetector;
import dev.tandem.edge.detect.rule.ThresholdDetector;
import dev.tandem.edge.filter.ExponentialSmoothing;
import dev.tandem.edge.filter.MedianFilter;
import dev.tandem.edge.stream.DetectorBinding;
import dev.tandem.edge.stream.PipelineSink;
import dev.tandem.edge.stream.ReadingHistory;
import dev.tandem.edge.stream.StreamPipeline;
import dev.tandem.edge.stream.ValueRange;
import dev.tandem.edge.window.WindowSpec;
import dev.tandem.edge.window.WindowStats;
import dev.tandem.protocol.v1.EventKind;
import dev.tandem.protocol.v1.Severity;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Readings per second through one stream's full pipeline (range check, median-of-3 and exponential
 * smoothing, threshold and rate-of-change detectors, 10 s tumbling windows with quantile sketch) on
 * one thread, against a bare loop that only sums the same readings: the ceiling of what any
 * pipeline could do on this core, measured in the same run.
 */
public final class PipelineThroughput {
  private static final int DISTINCT = 1 << 20;

  private PipelineThroughput() {}

  /**
   * @param readings readings per measured pass
   * @param pipelinePerSecond readings per second through the pipeline (best of the passes)
   * @param bareLoopPerSecond readings per second through the summing loop (best of the passes)
   */
  public record Result(long readings, double pipelinePerSecond, double bareLoopPerSecond) {
    public double ratio() {
      return pipelinePerSecond / bareLoopPerSecond;
    }
  }

  public static Result run(long readings, int passes) {
    double[] values = new double[DISTINCT];
    var random = new SplittableRandom(7);
    for (int i = 0; i < DISTINCT; i++) {
      values[i] = 0.8 * Math.sin(i * 0.3) + 0.1 * random.nextGaussian() + (i % 50_000 == 0 ? 6 : 0);
    }
    double bestPipeline = 0;
    double bestLoop = 0;
    double blackhole = 0;
    for (int pass = 0; pass < passes + 1; pass++) { // the first pass warms up the JIT
      var counter = new CountingSink();
      var pipeline = pipeline(counter);
      long start = System.nanoTime();
      for (long i = 0; i < readings; i++) {
        pipeline.accept(i * 10, values[(int) (i & (DISTINCT - 1))]); // 100 Hz event time
      }
      double pipelineRate = readings / ((System.nanoTime() - start) / 1e9);
      blackhole += counter.windows;
      start = System.nanoTime();
      double sum = 0;
      for (long i = 0; i < readings; i++) {
        sum += values[(int) (i & (DISTINCT - 1))];
      }
      double loopRate = readings / ((System.nanoTime() - start) / 1e9);
      blackhole += sum;
      if (pass > 0) {
        bestPipeline = Math.max(bestPipeline, pipelineRate);
        bestLoop = Math.max(bestLoop, loopRate);
      }
    }
    if (blackhole == 42.4242) {
      System.out.print(""); // keeps the JIT from removing the loops
    }
    return new Result(readings, bestPipeline, bestLoop);
  }

  static StreamPipeline pipeline(PipelineSink sink) {
    return new StreamPipeline(
        "bench",
        new ValueRange(-100, 100),
        List.of(new MedianFilter(3), new ExponentialSmoothing(0.5)),
        List.of(
            new DetectorBinding(
                new ThresholdDetector(-5, 5, 0.5, 3),
                EventKind.EVENT_KIND_THRESHOLD,
                Severity.SEVERITY_WARNING),
            new DetectorBinding(
                new RateOfChangeDetector(5_000, 3),
                EventKind.EVENT_KIND_RATE_OF_CHANGE,
                Severity.SEVERITY_WARNING)),
        WindowSpec.tumbling(Duration.ofSeconds(10), Duration.ZERO),
        32,
        0,
        1,
        sink);
  }

  /** Counts outputs, so the pipeline's work cannot be optimized away. */
  static final class CountingSink implements PipelineSink {
    long windows;
    long events;

    @Override
    public void onWindow(
        String streamId, long startMillis, long endMillis, WindowStats stats, long lateReadings) {
      windows += stats.count();
    }

    @Override
    public void onEvent(
        String streamId,
        DetectorBinding detector,
        long timestampMillis,
        double value,
        ReadingHistory context) {
      events++;
    }

    @Override
    public void onSamples(String streamId, ReadingHistory samples) {}

    @Override
    public void onInvalid(String streamId, long timestampMillis, double value) {}
  }
}
