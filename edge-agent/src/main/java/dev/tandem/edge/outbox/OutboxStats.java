package dev.tandem.edge.outbox;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of an {@link Outbox}. Counters count since the outbox was opened (they restart with
 * the process, like Prometheus counters); depth, bytes and age describe what is on disk now.
 *
 * @param depthByClass records stored and not yet acknowledged, per class (every class present)
 * @param inFlight records handed out by {@code poll} and not yet acknowledged or requeued
 * @param bytesOnDisk bytes of segment files, the ack log and the metadata file
 * @param oldestAgeMillis age of the oldest unacknowledged record by the outbox's clock, 0 if none
 * @param appended records appended
 * @param acknowledged records acknowledged
 * @param shedByClass unacknowledged records dropped to stay within the disk budget, per class
 * @param refusedByClass appends refused with {@link OutboxFullException}, per class
 * @param corruptRecords damaged records cut off or skipped (at recovery, or found while reading)
 * @param lastSequence the last sequence number assigned
 */
public record OutboxStats(
    Map<MessageClass, Long> depthByClass,
    long inFlight,
    long bytesOnDisk,
    long oldestAgeMillis,
    long appended,
    long acknowledged,
    Map<MessageClass, Long> shedByClass,
    Map<MessageClass, Long> refusedByClass,
    long corruptRecords,
    long lastSequence) {

  public OutboxStats {
    depthByClass = complete(depthByClass, "depthByClass");
    shedByClass = complete(shedByClass, "shedByClass");
    refusedByClass = complete(refusedByClass, "refusedByClass");
  }

  /** Unacknowledged records over all classes. */
  public long depth() {
    return sum(depthByClass);
  }

  public long depth(MessageClass messageClass) {
    return depthByClass.get(messageClass);
  }

  /** Records shed over all classes. */
  public long shed() {
    return sum(shedByClass);
  }

  public long shed(MessageClass messageClass) {
    return shedByClass.get(messageClass);
  }

  public long refused(MessageClass messageClass) {
    return refusedByClass.get(messageClass);
  }

  public Duration oldestAge() {
    return Duration.ofMillis(oldestAgeMillis);
  }

  private static Map<MessageClass, Long> complete(Map<MessageClass, Long> counts, String name) {
    Objects.requireNonNull(counts, name + " must not be null");
    EnumMap<MessageClass, Long> copy = new EnumMap<>(MessageClass.class);
    for (MessageClass c : MessageClass.values()) {
      Long value = counts.get(c);
      copy.put(c, value == null ? 0L : value);
    }
    return Collections.unmodifiableMap(copy);
  }

  private static long sum(Map<MessageClass, Long> counts) {
    long total = 0;
    for (long value : counts.values()) {
      total += value;
    }
    return total;
  }
}
