package dev.tandem.edge.outbox;

/** Lifecycle of an {@link Outbox}: {@code OPEN -> CLOSED}, nothing else. */
public enum OutboxStatus {
  /** Accepting appends, polls and acknowledgements. */
  OPEN,
  /** Closed: appends, polls and requeues are refused, late acknowledgements are ignored. */
  CLOSED
}
