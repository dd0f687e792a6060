package dev.tandem.edge.outbox;

import java.util.List;
import java.util.Locale;

/**
 * What an outgoing message is worth when the disk budget runs out. Each class has its own segment
 * files; when an append does not fit, whole oldest segments are shed in {@link #SHED_ORDER}, and
 * only classes of the same or lower priority than the message being appended.
 */
public enum MessageClass {
  /** Events and alerts: shed last, and only when {@link EventShedPolicy#SHED_OLDEST} allows it. */
  EVENT(1, 3),
  /** Window summaries: shed after samples and older state reports. */
  SUMMARY(2, 2),
  /** Raw readings sampled for training: shed first. */
  SAMPLE(3, 0),
  /**
   * Device state reports. Only the newest matters (the topic is retained), so older reports are
   * shed right after samples, and the newest segment of state reports is never shed.
   */
  STATE(4, 1);

  /** The order in which classes are shed, first shed first. */
  public static final List<MessageClass> SHED_ORDER = List.of(SAMPLE, STATE, SUMMARY, EVENT);

  private final byte code;
  private final int priority;

  MessageClass(int code, int priority) {
    this.code = (byte) code;
    this.priority = priority;
  }

  /** Higher is kept longer; a message may only shed segments of its own or a lower priority. */
  public int priority() {
    return priority;
  }

  /** Stable code written to disk; never reuse a code for another class. */
  byte code() {
    return code;
  }

  static MessageClass ofCode(int code) {
    for (MessageClass c : values()) {
      if (c.code == code) {
        return c;
      }
    }
    return null;
  }

  /** Name of the sub-directory that holds this class's segments. */
  String directoryName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
