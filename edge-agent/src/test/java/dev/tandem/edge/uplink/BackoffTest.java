package dev.tandem.edge.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void delaysDoubleUpToTheMaximumWithJitterInTheUpperHalf() {
    var backoff =
        new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), new SplittableRandom(1));
    long[] ceilings = {100, 200, 400, 800, 1000, 1000};
    for (long ceiling : ceilings) {
      assertThat(backoff.nextDelayMillis()).isBetween(ceiling / 2, ceiling);
    }
    backoff.reset();
    assertThat(backoff.nextDelayMillis()).isBetween(50L, 100L);
  }

  @Test
  void jitterSpreadsAFleetThatReconnectsAtOnce() {
    var first = new Backoff(Duration.ofSeconds(8), Duration.ofSeconds(8), new SplittableRandom(1));
    var second = new Backoff(Duration.ofSeconds(8), Duration.ofSeconds(8), new SplittableRandom(2));
    assertThat(first.nextDelayMillis()).isNotEqualTo(second.nextDelayMillis());
  }
}
