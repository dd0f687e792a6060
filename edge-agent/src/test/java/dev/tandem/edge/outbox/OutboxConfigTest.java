package dev.tandem.edge.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxConfigTest {
  private static final Path DIR = Path.of("outbox");

  @Test
  void segmentBytes_tooSmall() {
    assertThatThrownBy(
            () ->
                new OutboxConfig(
                    DIR, 1 << 20, 1000, FsyncPolicy.NEVER, Duration.ZERO, EventShedPolicy.REFUSE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("segmentBytes must be between 4096");
  }

  @Test
  void diskBudgetBytes_belowOneSegment() {
    assertThatThrownBy(
            () ->
                new OutboxConfig(
                    DIR, 8191, 8192, FsyncPolicy.NEVER, Duration.ZERO, EventShedPolicy.REFUSE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("diskBudgetBytes must be at least segmentBytes (8192), got 8191");
  }

  @Test
  void fsyncInterval_zeroUnderIntervalPolicy() {
    assertThatThrownBy(
            () ->
                new OutboxConfig(
                    DIR,
                    1 << 20,
                    8192,
                    FsyncPolicy.INTERVAL,
                    Duration.ZERO,
                    EventShedPolicy.REFUSE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("fsyncInterval must be positive");
  }

  @Test
  void fsyncInterval_negative() {
    assertThatThrownBy(
            () ->
                new OutboxConfig(
                    DIR,
                    1 << 20,
                    8192,
                    FsyncPolicy.NEVER,
                    Duration.ofMillis(-1),
                    EventShedPolicy.REFUSE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("fsyncInterval");
  }

  @Test
  void directory_null() {
    assertThatThrownBy(
            () ->
                new OutboxConfig(
                    null, 1 << 20, 8192, FsyncPolicy.NEVER, Duration.ZERO, EventShedPolicy.REFUSE))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("directory must not be null");
  }

  @Test
  void defaults_scaleSegmentsWithTheBudget() {
    OutboxConfig large = OutboxConfig.defaults(DIR, 256L << 20);
    OutboxConfig small = OutboxConfig.defaults(DIR, 1L << 20);

    assertThat(large.segmentBytes()).isEqualTo(4 << 20);
    assertThat(small.segmentBytes()).isEqualTo(32 << 10);
    assertThat(large.fsync()).isEqualTo(FsyncPolicy.INTERVAL);
    assertThat(large.fsyncInterval()).isEqualTo(OutboxConfig.DEFAULT_FSYNC_INTERVAL);
    assertThat(large.eventShedPolicy()).isEqualTo(EventShedPolicy.REFUSE);
  }
}
