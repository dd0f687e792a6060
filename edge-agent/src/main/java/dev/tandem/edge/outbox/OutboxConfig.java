package dev.tandem.edge.outbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link Outbox} stores its records.
 *
 * @param directory where the outbox keeps its files; created if missing, owned by one outbox
 * @param diskBudgetBytes the most bytes of segment files kept; an append past it sheds by priority.
 *     At least {@code segmentBytes}; a budget of 16 or more segments sheds smoothly
 * @param segmentBytes the size at which a segment file is closed and a new one started, 4 KiB to 1
 *     GiB; also the upper bound of one record (payload plus 33 bytes of framing)
 * @param fsync when writes are forced to the device (matters only for power loss)
 * @param fsyncInterval the longest time between forces under {@link FsyncPolicy#INTERVAL}, and so
 *     the longest a record waits before the uplink sees it; positive under that policy
 * @param eventShedPolicy whether events may be shed when nothing else is left
 */
public record OutboxConfig(
    Path directory,
    long diskBudgetBytes,
    int segmentBytes,
    FsyncPolicy fsync,
    Duration fsyncInterval,
    EventShedPolicy eventShedPolicy) {

  /** Smallest allowed {@link #segmentBytes()}. */
  public static final int MIN_SEGMENT_BYTES = 4096;

  /** Largest allowed {@link #segmentBytes()}. */
  public static final int MAX_SEGMENT_BYTES = 1 << 30;

  /** The fsync interval of {@link #defaults(Path, long)}. */
  public static final Duration DEFAULT_FSYNC_INTERVAL = Duration.ofMillis(200);

  public OutboxConfig {
    Objects.requireNonNull(directory, "directory must not be null");
    Objects.requireNonNull(fsync, "fsync must not be null");
    Objects.requireNonNull(fsyncInterval, "fsyncInterval must not be null");
    Objects.requireNonNull(eventShedPolicy, "eventShedPolicy must not be null");
    if (segmentBytes < MIN_SEGMENT_BYTES || segmentBytes > MAX_SEGMENT_BYTES) {
      throw new IllegalArgumentException(
          "segmentBytes must be between %d and %d, got %d"
              .formatted(MIN_SEGMENT_BYTES, MAX_SEGMENT_BYTES, segmentBytes));
    }
    if (diskBudgetBytes < segmentBytes) {
      throw new IllegalArgumentException(
          "diskBudgetBytes must be at least segmentBytes (%d), got %d"
              .formatted(segmentBytes, diskBudgetBytes));
    }
    if (fsyncInterval.isNegative() || (fsync == FsyncPolicy.INTERVAL && fsyncInterval.isZero())) {
      throw new IllegalArgumentException(
          "fsyncInterval must be positive under fsync INTERVAL and never negative, got "
              + fsyncInterval);
    }
  }

  /**
   * The agent's defaults for a directory and budget: segments of 1/32 of the budget (4 KiB to 4
   * MiB), {@link FsyncPolicy#INTERVAL} every {@link #DEFAULT_FSYNC_INTERVAL}, events never shed.
   *
   * @throws IllegalArgumentException if the budget is below {@link #MIN_SEGMENT_BYTES}
   */
  public static OutboxConfig defaults(Path directory, long diskBudgetBytes) {
    long segment = Math.max(MIN_SEGMENT_BYTES, Math.min(4L << 20, diskBudgetBytes / 32));
    return new OutboxConfig(
        directory,
        diskBudgetBytes,
        (int) segment,
        FsyncPolicy.INTERVAL,
        DEFAULT_FSYNC_INTERVAL,
        EventShedPolicy.REFUSE);
  }

  /** This configuration with another fsync policy and interval. */
  public OutboxConfig withFsync(FsyncPolicy policy, Duration interval) {
    return new OutboxConfig(
        directory, diskBudgetBytes, segmentBytes, policy, interval, eventShedPolicy);
  }

  /** This configuration with another event shedding policy. */
  public OutboxConfig withEventShedPolicy(EventShedPolicy policy) {
    return new OutboxConfig(directory, diskBudgetBytes, segmentBytes, fsync, fsyncInterval, policy);
  }

  /** This configuration with another budget and segment size. */
  public OutboxConfig withSizes(long budgetBytes, int segmentSizeBytes) {
    return new OutboxConfig(
        directory, budgetBytes, segmentSizeBytes, fsync, fsyncInterval, eventShedPolicy);
  }
}
