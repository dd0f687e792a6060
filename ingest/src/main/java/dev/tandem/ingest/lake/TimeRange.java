package dev.tandem.ingest.lake;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A half-open event-time range {@code [from, to)}.
 *
 * @param from inclusive
 * @param to exclusive, after {@code from}
 */
public record TimeRange(Instant from, Instant to) {
  /** Every event time the lake can hold (1970 to 9999). */
  public static final TimeRange ALL =
      new TimeRange(Instant.EPOCH, Instant.parse("9999-12-31T00:00:00Z"));

  public TimeRange {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("time range end " + to + " must be after start " + from);
    }
  }

  /** Whether {@code t} is in the range. */
  public boolean contains(Instant t) {
    return !t.isBefore(from) && t.isBefore(to);
  }

  /** Whether the hour starting at {@code hourStart} overlaps the range. */
  public boolean overlapsHour(Instant hourStart) {
    return hourStart.isBefore(to) && hourStart.plus(1, ChronoUnit.HOURS).isAfter(from);
  }

  /** The smallest range of whole UTC hours that covers this one. */
  public TimeRange toWholeHours() {
    Instant start = from.truncatedTo(ChronoUnit.HOURS);
    Instant end = to.truncatedTo(ChronoUnit.HOURS);
    return new TimeRange(start, end.equals(to) ? end : end.plus(1, ChronoUnit.HOURS));
  }
}
