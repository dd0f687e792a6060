package dev.tandem.edge.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ByteBudgetTest {
  @Test
  void refillsAtItsRateAndNeverHoldsMoreThanOneSecond() {
    var now = new AtomicLong(0);
    InstantSource clock = () -> Instant.ofEpochMilli(now.get());
    var budget = new ByteBudget(1000, clock);

    assertThat(budget.tryTake(800)).isTrue();
    assertThat(budget.tryTake(300)).isFalse();
    now.set(500); // +500 bytes
    assertThat(budget.tryTake(600)).isTrue();
    now.set(60_000); // a long pause refills to one second's worth, not more
    assertThat(budget.tryTake(1000)).isTrue();
    assertThat(budget.tryTake(1)).isFalse();
  }
}
