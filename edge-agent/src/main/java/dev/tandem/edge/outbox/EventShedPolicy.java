package dev.tandem.edge.outbox;

/** What happens when an event does not fit and nothing of lower priority is left to shed. */
public enum EventShedPolicy {
  /** Events are never shed: the append is refused with {@link OutboxFullException}. */
  REFUSE,
  /** The oldest event segments are shed (and counted) to make room for new messages. */
  SHED_OLDEST
}
