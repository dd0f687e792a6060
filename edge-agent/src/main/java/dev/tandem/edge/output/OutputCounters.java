package dev.tandem.edge.output;

import java.util.concurrent.atomic.LongAdder;

/** What the outputs did, for the state message and the metrics endpoint. */
public final class OutputCounters {
  final LongAdder summaries = new LongAdder();
  final LongAdder events = new LongAdder();
  final LongAdder sampleBatches = new LongAdder();
  final LongAdder samplesOverBudget = new LongAdder();
  final LongAdder invalidReadings = new LongAdder();
  final LongAdder refusedByOutbox = new LongAdder();
  final LongAdder rawBytesEquivalent = new LongAdder();

  public long summaries() {
    return summaries.sum();
  }

  public long events() {
    return events.sum();
  }

  public long sampleBatches() {
    return sampleBatches.sum();
  }

  /** Sample batches dropped because the sampling budget was spent. */
  public long samplesOverBudget() {
    return samplesOverBudget.sum();
  }

  public long invalidReadings() {
    return invalidReadings.sum();
  }

  /** Messages the outbox refused (full, and events may not be shed). */
  public long refusedByOutbox() {
    return refusedByOutbox.sum();
  }

  /**
   * Bytes the raw readings behind the sent summaries would have needed, one {@code Reading} message
   * each: the baseline for uplink reduction.
   */
  public long rawBytesEquivalent() {
    return rawBytesEquivalent.sum();
  }
}
