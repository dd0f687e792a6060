package dev.tandem.ingest.lake.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartitionDedupTest {

  @Test
  void devicesAreDeduplicatedApart() {
    PartitionDedup dedup = new PartitionDedup(64, 10);
    assertThat(dedup.offer("a", 1)).isEqualTo(Verdict.NEW);
    assertThat(dedup.offer("b", 1)).isEqualTo(Verdict.NEW);
    assertThat(dedup.offer("a", 1)).isEqualTo(Verdict.DUPLICATE);
  }

  @Test
  void theLeastRecentlySeenDeviceIsForgottenAtTheBound() {
    PartitionDedup dedup = new PartitionDedup(64, 2);
    dedup.offer("a", 1);
    dedup.offer("b", 1);
    dedup.offer("a", 2); // a is now the most recent
    dedup.offer("c", 1); // evicts b

    assertThat(dedup.devices().keySet()).containsExactly("a", "c");
    assertThat(dedup.evicted()).isEqualTo(1);
    assertThat(dedup.offer("a", 2)).isEqualTo(Verdict.DUPLICATE);
    assertThat(dedup.offer("b", 1)).as("forgotten, so written again").isEqualTo(Verdict.NEW);
  }

  @Test
  void aRestoredWindowKeepsTheSizeItWasWrittenWith() {
    PartitionDedup dedup = new PartitionDedup(128, 10);
    SequenceWindow old = new SequenceWindow(64);
    old.offer(7);
    dedup.restore("a", SequenceWindow.restore(64, old.high(), old.encodedBits()));
    assertThat(dedup.offer("a", 7)).isEqualTo(Verdict.DUPLICATE);
    assertThat(dedup.devices().get("a").size()).isEqualTo(64);
  }
}
