package dev.tandem.edge.detect.stat;

import static dev.tandem.edge.detect.DetectorSignal.ACTIVE;
import static dev.tandem.edge.detect.DetectorSignal.CLEARED;
import static dev.tandem.edge.detect.DetectorSignal.QUIET;
import static dev.tandem.edge.detect.DetectorSignal.RAISED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.edge.detect.DetectorSignal;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RobustAnomalyDetectorTest {
  private static final long FIVE_MINUTES = 300_000L;

  /**
   * A cycle of 100 readings with Gaussian noise: a plausible sensor whose whole normal range shows
   * within the warm-up (a detector cannot know a range it has not seen yet).
   */
  private static double[] noisyCycle(int readings, long seed) {
    Random random = new Random(seed);
    double[] values = new double[readings];
    for (int i = 0; i < readings; i++) {
      values[i] = 50 + 10 * Math.sin(2 * Math.PI * i / 100) + random.nextGaussian();
    }
    return values;
  }

  private static List<DetectorSignal> feed(RobustAnomalyDetector detector, double[] values) {
    List<DetectorSignal> signals = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      signals.add(detector.update(i * FIVE_MINUTES, values[i]));
    }
    return signals;
  }

  @Test
  void spikeIsScoredHighAndRaisesAnEventAtThatReading() {
    double[] values = noisyCycle(3000, 1);
    values[2500] += 40;
    var detector = RobustAnomalyDetector.withDefaults();

    List<DetectorSignal> signals = feed(detector, java.util.Arrays.copyOf(values, 2500));
    DetectorSignal atSpike = detector.update(2500 * FIVE_MINUTES, values[2500]);

    assertThat(signals.get(2499).inEvent()).isFalse();
    assertThat(atSpike).isEqualTo(RAISED);
    assertThat(detector.score()).isEqualTo(1.0);
  }

  @Test
  void eventClearsAfterTheConfiguredCalmReadings() {
    double[] values = noisyCycle(2700, 1);
    values[2500] += 40;
    var detector = RobustAnomalyDetector.withDefaults();

    List<DetectorSignal> signals = feed(detector, values);

    assertThat(signals.get(2500)).isEqualTo(RAISED);
    int cleared = signals.subList(2500, signals.size()).indexOf(CLEARED) + 2500;
    assertThat(cleared)
        .isGreaterThanOrEqualTo(2500 + RobustDetectorConfig.defaults().clearReadings());
    assertThat(signals.subList(2501, cleared)).containsOnly(ACTIVE);
  }

  @Test
  void constantSeriesStaysQuietWithScoreZero() {
    var detector = RobustAnomalyDetector.withDefaults();
    for (int i = 0; i < 5000; i++) {
      assertThat(detector.update(i * FIVE_MINUTES, 42.0)).isEqualTo(QUIET);
      assertThat(detector.score()).isZero();
    }
  }

  @Test
  void exactlyRepeatingSeriesStaysQuiet() {
    var detector = RobustAnomalyDetector.withDefaults();
    for (int i = 0; i < 6000; i++) {
      double value = (i % 100) < 50 ? 20 : 80;
      assertThat(detector.update(i * FIVE_MINUTES, value)).as("reading %d", i).isEqualTo(QUIET);
    }
  }

  @Test
  void noisySeriesWithoutAnomalyRarelyRaises() {
    long raised = 0;
    for (long seed = 1; seed <= 5; seed++) {
      var detector = RobustAnomalyDetector.withDefaults();
      raised += feed(detector, noisyCycle(20_000, seed)).stream().filter(s -> s == RAISED).count();
    }
    // Numenta-style likelihoods run a little hot on pure noise: about one event in 20,000.
    assertThat(raised).as("events in 100,000 readings of noise").isLessThanOrEqualTo(10);
  }

  @Test
  void scoreIsZeroDuringWarmUpAndAlwaysWithinZeroAndOne() {
    var detector = RobustAnomalyDetector.withDefaults();
    Random random = new Random(4);
    for (int i = 0; i < 10_000; i++) {
      double value =
          random.nextDouble() < 0.01 ? random.nextGaussian() * 1e6 : random.nextGaussian();
      detector.update(i, value);
      if (i < RobustDetectorConfig.defaults().warmupReadings()) {
        assertThat(detector.score()).isZero();
      }
      assertThat(detector.score()).isBetween(0.0, 1.0);
    }
  }

  @Test
  void nanAndInfinityAreIgnoredAndCounted() {
    double[] values = noisyCycle(1000, 5);
    var guarded = RobustAnomalyDetector.withDefaults();
    var clean = RobustAnomalyDetector.withDefaults();
    for (int i = 0; i < values.length; i++) {
      if (i % 100 == 50) {
        double scoreBefore = guarded.score();
        assertThat(guarded.update(i, i % 200 == 50 ? Double.NaN : Double.POSITIVE_INFINITY))
            .isIn(QUIET, ACTIVE);
        assertThat(guarded.score()).isEqualTo(scoreBefore);
      }
      guarded.update(i * FIVE_MINUTES, values[i]);
      clean.update(i * FIVE_MINUTES, values[i]);
      assertThat(guarded.score()).isEqualTo(clean.score());
    }
    assertThat(guarded.rejectedReadings()).isEqualTo(10);
  }

  @Test
  void resetForgetsEverything() {
    double[] values = noisyCycle(3000, 6);
    values[2000] += 40;
    var detector = RobustAnomalyDetector.withDefaults();
    List<Double> first = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      detector.update(i, values[i]);
      first.add(detector.score());
    }
    detector.update(0, Double.NaN);

    detector.reset();

    assertThat(detector.rejectedReadings()).isZero();
    assertThat(detector.score()).isZero();
    for (int i = 0; i < values.length; i++) {
      detector.update(i, values[i]);
      assertThat(detector.score()).as("reading %d", i).isEqualTo(first.get(i));
    }
  }

  @Test
  void repeatedHighReadingsReportOnlyTheOnsetInFull() {
    double[] values = noisyCycle(2600, 7);
    for (int i = 2500; i < 2600; i++) {
      values[i] += 100; // a lasting step far outside the range
    }
    var detector = RobustAnomalyDetector.withDefaults();
    feed(detector, java.util.Arrays.copyOf(values, 2500));

    detector.update(2500 * FIVE_MINUTES, values[2500]);
    double onset = detector.score();
    detector.update(2501 * FIVE_MINUTES, values[2501]);
    double next = detector.score();

    assertThat(onset).isEqualTo(1.0);
    assertThat(next).isLessThan(RobustDetectorConfig.defaults().raiseScore());
  }

  @Test
  void updateAllocatesNothingOnceWarm() {
    var bean = ManagementFactory.getThreadMXBean();
    if (!(bean instanceof com.sun.management.ThreadMXBean threads)
        || !threads.isThreadAllocatedMemorySupported()) {
      return; // this JVM cannot count allocations
    }
    var detector = RobustAnomalyDetector.withDefaults();
    double[] values = noisyCycle(30_000, 8);
    for (int i = 0; i < 10_000; i++) {
      detector.update(i, values[i]);
    }
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    double sink = 0;
    for (int i = 10_000; i < values.length; i++) {
      detector.update(i, values[i]);
      sink += detector.score();
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;

    assertThat(sink).isNotNaN();
    assertThat(allocated).as("bytes allocated by 20,000 updates").isLessThan(1024);
  }

  @Test
  void nameIsStable() {
    assertThat(RobustAnomalyDetector.withDefaults().name()).isEqualTo("robust-stat");
  }
}
