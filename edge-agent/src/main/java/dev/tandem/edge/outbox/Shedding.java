package dev.tandem.edge.outbox;

import java.util.List;
import java.util.function.Function;

/**
 * Which segment to drop when an append does not fit the disk budget: the oldest segment of the
 * first class in {@link MessageClass#SHED_ORDER} that has one to spare, among classes whose
 * priority is not above the incoming message's. Events only under {@link
 * EventShedPolicy#SHED_OLDEST}; the newest state segment is never shed, so the latest state report
 * survives.
 */
final class Shedding {
  private Shedding() {}

  /** The segment to shed for an {@code incoming} append, or null if the append must be refused. */
  static Segment victim(
      MessageClass incoming,
      EventShedPolicy eventPolicy,
      Function<MessageClass, List<Segment>> segments) {
    for (MessageClass candidate : MessageClass.SHED_ORDER) {
      if (candidate.priority() > incoming.priority()) {
        return null;
      }
      if (candidate == MessageClass.EVENT && eventPolicy != EventShedPolicy.SHED_OLDEST) {
        continue;
      }
      List<Segment> list = segments.apply(candidate);
      int spare = candidate == MessageClass.STATE ? list.size() - 1 : list.size();
      if (spare > 0) {
        return list.get(0);
      }
    }
    return null;
  }
}
