package dev.tandem.edge.outbox;

/** Stable reasons for an {@link OutboxException}. */
public enum OutboxErrorCode {
  /** The disk budget is used up by messages this append may not shed. Retriable after a drain. */
  FULL(true),
  /** A single record is larger than a segment can hold. Not retriable. */
  RECORD_TOO_LARGE(false),
  /** Reading or writing the outbox directory failed; nothing was stored. Retriable. */
  IO(true),
  /** Another process (or another {@link Outbox} in this one) holds the directory. */
  LOCKED(false),
  /** The outbox is closed (see {@link OutboxStatus}). */
  CLOSED(false);

  private final boolean retriable;

  OutboxErrorCode(boolean retriable) {
    this.retriable = retriable;
  }

  /** Whether the same call may succeed later without changing anything. */
  public boolean retriable() {
    return retriable;
  }
}
