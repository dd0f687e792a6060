package dev.tandem.edge.outbox;

import java.util.Objects;

/**
 * An append was refused because the disk budget is used up by messages it may not shed (events
 * under {@link EventShedPolicy#REFUSE}, or anything of higher priority than the message). Counted
 * per class in {@link OutboxStats#refusedByClass()}; no sequence number was consumed.
 */
public final class OutboxFullException extends OutboxException {
  private static final long serialVersionUID = 1L;

  private final MessageClass messageClass;

  public OutboxFullException(MessageClass messageClass, String message) {
    super(OutboxErrorCode.FULL, message);
    this.messageClass = Objects.requireNonNull(messageClass, "messageClass");
  }

  /** The class of the message that was refused. */
  public MessageClass messageClass() {
    return messageClass;
  }
}
