package dev.tandem.edge.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.topic.TopicKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Disk budget: 6 segments of 4 KiB, 3 records of 1000 bytes per segment. */
@Timeout(30)
class OutboxSheddingTest {
  private static final int SEGMENT = 4096;
  private static final int PAYLOAD = 1000;

  @TempDir Path temp;
  private final ManualClock clock = new ManualClock(1_700_000_000_000L);
  private final List<Outbox> opened = new ArrayList<>();

  @AfterEach
  void closeAll() {
    opened.forEach(Outbox::close);
  }

  private Outbox open(EventShedPolicy policy) {
    Outbox outbox =
        Outbox.open(
            new OutboxConfig(
                temp.resolve("outbox"),
                6L * SEGMENT,
                SEGMENT,
                FsyncPolicy.NEVER,
                Duration.ZERO,
                policy),
            clock);
    opened.add(outbox);
    return outbox;
  }

  private static long append(Outbox outbox, MessageClass c) {
    TopicKind kind = TestPayloads.kindOf(c);
    return outbox.append(c, kind, s -> TestPayloads.of(s, PAYLOAD));
  }

  private static List<OutboxRecord> drain(Outbox outbox) {
    List<OutboxRecord> all = new ArrayList<>();
    for (List<OutboxRecord> batch = outbox.poll(50); !batch.isEmpty(); batch = outbox.poll(50)) {
      all.addAll(batch);
    }
    return all;
  }

  @Test
  void shedsSamplesThenSummariesThenRefusesEvents() {
    Outbox outbox = open(EventShedPolicy.REFUSE);
    for (MessageClass c : List.of(MessageClass.SAMPLE, MessageClass.SUMMARY, MessageClass.EVENT)) {
      for (int i = 0; i < 6; i++) {
        append(outbox, c);
      }
    }
    List<Long> events = new ArrayList<>();
    OutboxFullException refused = null;
    while (refused == null) {
      OutboxStats stats = outbox.stats();
      if (stats.shed(MessageClass.SUMMARY) > 0) {
        assertThat(stats.shed(MessageClass.SAMPLE)).isEqualTo(6);
      }
      assertThat(stats.bytesOnDisk()).isLessThanOrEqualTo(6L * SEGMENT + 1024);
      try {
        events.add(append(outbox, MessageClass.EVENT));
      } catch (OutboxFullException e) {
        refused = e;
      }
    }

    OutboxStats stats = outbox.stats();
    assertThat(refused.messageClass()).isEqualTo(MessageClass.EVENT);
    assertThat(refused.code().retriable()).isTrue();
    assertThat(stats.shed(MessageClass.SAMPLE)).isEqualTo(6);
    assertThat(stats.shed(MessageClass.SUMMARY)).isEqualTo(6);
    assertThat(stats.shed(MessageClass.EVENT)).isZero();
    assertThat(stats.refused(MessageClass.EVENT)).isEqualTo(1);
    List<OutboxRecord> left = drain(outbox);
    assertThat(left).allMatch(r -> r.messageClass() == MessageClass.EVENT);
    assertThat(left).hasSize(6 + events.size());
    assertThat(stats.depth()).isEqualTo(left.size());
  }

  @Test
  void shedsOldestEventsWhenThePolicyAllows() {
    Outbox outbox = open(EventShedPolicy.SHED_OLDEST);
    for (int i = 0; i < 6; i++) {
      append(outbox, MessageClass.SUMMARY);
    }
    List<Long> appended = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      appended.add(append(outbox, MessageClass.EVENT));
    }

    OutboxStats stats = outbox.stats();
    List<OutboxRecord> left = drain(outbox);

    assertThat(stats.shed(MessageClass.SUMMARY)).isEqualTo(6);
    assertThat(stats.shed(MessageClass.EVENT)).isPositive().isEqualTo(40 - left.size());
    assertThat(stats.refused(MessageClass.EVENT)).isZero();
    assertThat(left.stream().map(OutboxRecord::sequence).toList())
        .containsExactlyElementsOf(appended.subList(40 - left.size(), 40));
  }

  @Test
  void nothingShedsEventsUnderRefusePolicy() {
    Outbox outbox = open(EventShedPolicy.REFUSE);
    int events = 0;
    try {
      while (true) {
        append(outbox, MessageClass.EVENT);
        events++;
      }
    } catch (OutboxFullException e) {
      assertThat(e.messageClass()).isEqualTo(MessageClass.EVENT);
    }

    for (MessageClass c : List.of(MessageClass.SAMPLE, MessageClass.STATE, MessageClass.SUMMARY)) {
      assertThatThrownBy(() -> append(outbox, c))
          .isInstanceOf(OutboxFullException.class)
          .hasMessageContaining(c.name());
    }

    OutboxStats stats = outbox.stats();
    assertThat(stats.depth(MessageClass.EVENT)).isEqualTo(events);
    assertThat(stats.shed()).isZero();
    for (MessageClass c : MessageClass.values()) {
      assertThat(stats.refused(c)).isEqualTo(1);
    }
  }

  @Test
  void stateKeepsItsNewestSegment() {
    Outbox outbox = open(EventShedPolicy.REFUSE);
    for (int i = 0; i < 9; i++) {
      append(outbox, MessageClass.STATE);
    }
    try {
      while (true) {
        append(outbox, MessageClass.EVENT);
      }
    } catch (OutboxFullException expected) {
      // Full of events and the newest state reports.
    }

    List<Long> states =
        drain(outbox).stream()
            .filter(r -> r.messageClass() == MessageClass.STATE)
            .map(OutboxRecord::sequence)
            .toList();

    assertThat(outbox.stats().shed(MessageClass.STATE)).isEqualTo(6);
    assertThat(states).containsExactly(7L, 8L, 9L);
  }

  @Test
  void shedRecordsInFlightAreForgotten() {
    Outbox outbox = open(EventShedPolicy.REFUSE);
    for (int i = 0; i < 3; i++) {
      append(outbox, MessageClass.SAMPLE);
    }
    assertThat(outbox.poll(3)).hasSize(3);
    for (int i = 0; i < 21; i++) {
      append(outbox, MessageClass.SUMMARY);
    }
    assertThat(outbox.stats().shed(MessageClass.SAMPLE)).isEqualTo(3);

    outbox.acknowledge(1);
    outbox.requeueUnacknowledged();

    assertThat(outbox.stats().acknowledged()).isZero();
    assertThat(outbox.stats().inFlight()).isZero();
    assertThat(drain(outbox)).hasSize(21).allMatch(r -> r.messageClass() == MessageClass.SUMMARY);
  }

  @Test
  void victim_followsShedOrderAndPriority() {
    List<Segment> none = List.of();
    List<Segment> oneState = List.of(segment(MessageClass.STATE, 5));
    List<Segment> twoStates =
        List.of(segment(MessageClass.STATE, 5), segment(MessageClass.STATE, 9));
    List<Segment> summaries =
        List.of(segment(MessageClass.SUMMARY, 2), segment(MessageClass.SUMMARY, 7));
    List<Segment> events = List.of(segment(MessageClass.EVENT, 1));

    assertThat(
            Shedding.victim(
                MessageClass.EVENT,
                EventShedPolicy.REFUSE,
                c ->
                    c == MessageClass.STATE
                        ? oneState
                        : c == MessageClass.SUMMARY ? summaries : none))
        .isSameAs(summaries.get(0));
    assertThat(
            Shedding.victim(
                MessageClass.SUMMARY,
                EventShedPolicy.REFUSE,
                c ->
                    c == MessageClass.STATE
                        ? twoStates
                        : c == MessageClass.SUMMARY ? summaries : none))
        .isSameAs(twoStates.get(0));
    assertThat(
            Shedding.victim(
                MessageClass.SAMPLE,
                EventShedPolicy.SHED_OLDEST,
                c -> c == MessageClass.SUMMARY ? summaries : none))
        .isNull();
    assertThat(
            Shedding.victim(
                MessageClass.EVENT,
                EventShedPolicy.REFUSE,
                c -> c == MessageClass.EVENT ? events : none))
        .isNull();
    assertThat(
            Shedding.victim(
                MessageClass.EVENT,
                EventShedPolicy.SHED_OLDEST,
                c -> c == MessageClass.EVENT ? events : none))
        .isSameAs(events.get(0));
  }

  private static Segment segment(MessageClass c, long base) {
    return new Segment(c, Path.of(Segment.fileName(base)), base);
  }
}
