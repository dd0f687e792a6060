package dev.tandem.edge.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.edge.detect.rule.ThresholdDetector;
import dev.tandem.edge.window.WindowSpec;
import dev.tandem.edge.window.WindowStats;
import dev.tandem.protocol.v1.EventKind;
import dev.tandem.protocol.v1.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamPipelineTest {
  private final List<String> outputs = new ArrayList<>();

  private final PipelineSink sink =
      new PipelineSink() {
        @Override
        public void onWindow(
            String streamId,
            long startMillis,
            long endMillis,
            WindowStats stats,
            long lateReadings) {
          outputs.add("window " + stats.count());
        }

        @Override
        public void onEvent(
            String streamId,
            DetectorBinding detector,
            long timestampMillis,
            double value,
            ReadingHistory context) {
          outputs.add(
              "event at "
                  + timestampMillis
                  + " with "
                  + context.size()
                  + " readings, last "
                  + context.value(context.size() - 1));
        }

        @Override
        public void onSamples(String streamId, ReadingHistory samples) {
          outputs.add("samples " + samples.size());
        }

        @Override
        public void onInvalid(String streamId, long timestampMillis, double value) {
          outputs.add("invalid " + value);
        }
      };

  @Test
  void invalidReadingsAreCountedAndTheStreamGoesOn() {
    var pipeline = pipeline(0);
    pipeline.accept(0, 1);
    pipeline.accept(1000, Double.NaN);
    pipeline.accept(2000, Double.POSITIVE_INFINITY);
    pipeline.accept(3000, 5_000); // outside the sensor's range
    pipeline.accept(4000, 2);
    pipeline.flush();

    assertThat(pipeline.invalidReadings()).isEqualTo(3);
    assertThat(pipeline.readings()).isEqualTo(2);
    assertThat(outputs)
        .containsExactly("invalid NaN", "invalid Infinity", "invalid 5000.0", "window 2");
  }

  @Test
  void eventCarriesTheReadingsLeadingUpToIt() {
    var pipeline = pipeline(0);
    for (int i = 0; i < 40; i++) {
      pipeline.accept(i * 100L, i == 39 ? 99 : 1);
    }
    assertThat(outputs).containsExactly("event at 3900 with 32 readings, last 99.0");
  }

  @Test
  void eventWaitsForTheReadingsAfterItAndCarriesThemToo() {
    var pipeline = pipeline(4, 3, 0, 1);
    for (int i = 0; i < 10; i++) {
      pipeline.accept(i * 100L, i == 5 ? 99 : i);
      if (i == 7) {
        assertThat(outputs).as("still waiting for the third reading after it").isEmpty();
      }
    }
    assertThat(outputs).containsExactly("event at 500 with 7 readings, last 8.0");
  }

  @Test
  void pendingEventIsEmittedOnFlush() {
    var pipeline = pipeline(4, 10, 0, 1);
    pipeline.accept(0, 1);
    pipeline.accept(100, 99);
    pipeline.flush();
    assertThat(outputs).containsExactly("event at 100 with 2 readings, last 99.0", "window 2");
  }

  @Test
  void everyNthReadingIsSampledInBatches() {
    var pipeline = pipeline(10);
    for (int i = 0; i < 100; i++) {
      pipeline.accept(i * 100L, 1);
    }
    assertThat(outputs).containsExactly("samples 5", "samples 5");
  }

  private StreamPipeline pipeline(int sampleEvery) {
    return pipeline(32, 0, sampleEvery, 5);
  }

  private StreamPipeline pipeline(
      int contextBefore, int contextAfter, int sampleEvery, int sampleBatch) {
    return new StreamPipeline(
        "s",
        new ValueRange(-100, 100),
        List.of(),
        List.of(
            new DetectorBinding(
                new ThresholdDetector(-50, 50, 0, 1),
                EventKind.EVENT_KIND_THRESHOLD,
                Severity.SEVERITY_WARNING)),
        WindowSpec.tumbling(Duration.ofSeconds(60), Duration.ZERO),
        contextBefore,
        contextAfter,
        sampleEvery,
        sampleBatch,
        sink);
  }
}
