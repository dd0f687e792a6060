package dev.tandem.edge.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.topic.TopicKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class OutboxTest {
  @TempDir Path temp;
  private final ManualClock clock = new ManualClock(1_700_000_000_000L);
  private final List<Outbox> opened = new ArrayList<>();

  @AfterEach
  void closeAll() {
    opened.forEach(Outbox::close);
  }

  private OutboxConfig config() {
    return new OutboxConfig(
        temp.resolve("outbox"),
        64L << 20,
        64 * 1024,
        FsyncPolicy.NEVER,
        Duration.ZERO,
        EventShedPolicy.REFUSE);
  }

  private Outbox open(OutboxConfig config) {
    Outbox outbox = Outbox.open(config, clock);
    opened.add(outbox);
    return outbox;
  }

  private static long append(Outbox outbox, MessageClass c) {
    TopicKind kind = TestPayloads.kindOf(c);
    return outbox.append(c, kind, TestPayloads::of);
  }

  private static List<Long> sequences(List<OutboxRecord> records) {
    return records.stream().map(OutboxRecord::sequence).toList();
  }

  private static List<OutboxRecord> drain(Outbox outbox) {
    List<OutboxRecord> all = new ArrayList<>();
    for (List<OutboxRecord> batch = outbox.poll(7); !batch.isEmpty(); batch = outbox.poll(7)) {
      all.addAll(batch);
    }
    return all;
  }

  @Test
  void roundTrip_returnsWhatWasAppended() {
    Outbox outbox = open(config());
    long first = outbox.append(MessageClass.SUMMARY, TopicKind.TELEMETRY, TestPayloads::of);
    clock.advance(Duration.ofSeconds(1));
    long second = outbox.append(MessageClass.EVENT, TopicKind.EVENTS, TestPayloads::of);

    List<OutboxRecord> polled = outbox.poll(10);

    assertThat(first).isEqualTo(1);
    assertThat(second).isEqualTo(2);
    assertThat(polled)
        .containsExactly(
            new OutboxRecord(
                1,
                MessageClass.SUMMARY,
                TopicKind.TELEMETRY,
                1_700_000_000_000L,
                TestPayloads.of(1)),
            new OutboxRecord(
                2, MessageClass.EVENT, TopicKind.EVENTS, 1_700_000_001_000L, TestPayloads.of(2)));
  }

  @Test
  void roundTrip_survivesCleanRestart() {
    Outbox outbox = open(config());
    for (MessageClass c : MessageClass.values()) {
      append(outbox, c);
    }
    outbox.close();

    List<OutboxRecord> polled = drain(open(config()));

    assertThat(sequences(polled)).containsExactly(1L, 2L, 3L, 4L);
    assertThat(polled).allMatch(TestPayloads::matches);
    assertThat(polled)
        .extracting(OutboxRecord::messageClass)
        .containsExactly(MessageClass.values());
  }

  @Test
  void poll_mergesClassesOldestSequenceFirstAndKeepsEachClassInOrder() {
    OutboxConfig small = config().withSizes(64L << 20, 4096);
    Outbox outbox = open(small);
    MessageClass[] pattern = {
      MessageClass.SAMPLE,
      MessageClass.EVENT,
      MessageClass.SAMPLE,
      MessageClass.SUMMARY,
      MessageClass.STATE,
      MessageClass.SAMPLE,
      MessageClass.SUMMARY
    };
    Map<MessageClass, List<Long>> appended = new EnumMap<>(MessageClass.class);
    for (int i = 0; i < 700; i++) {
      MessageClass c = pattern[i % pattern.length];
      appended.computeIfAbsent(c, k -> new ArrayList<>()).add(append(outbox, c));
    }

    List<OutboxRecord> polled = drain(outbox);

    assertThat(sequences(polled)).isSorted().doesNotHaveDuplicates().hasSize(700);
    assertThat(polled).allMatch(TestPayloads::matches);
    for (MessageClass c : MessageClass.values()) {
      assertThat(polled.stream().filter(r -> r.messageClass() == c).map(OutboxRecord::sequence))
          .containsExactlyElementsOf(appended.get(c));
    }
  }

  @Test
  void poll_handsOutEachRecordOnce() {
    Outbox outbox = open(config());
    for (int i = 0; i < 5; i++) {
      append(outbox, MessageClass.SUMMARY);
    }

    assertThat(sequences(outbox.poll(2))).containsExactly(1L, 2L);
    assertThat(sequences(outbox.poll(10))).containsExactly(3L, 4L, 5L);
    assertThat(outbox.poll(10)).isEmpty();
    assertThat(outbox.poll(0)).isEmpty();
    assertThatThrownBy(() -> outbox.poll(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max");
  }

  @Test
  void acknowledged_areNotResentAfterCleanRestart() {
    Outbox outbox = open(config());
    for (int i = 0; i < 10; i++) {
      append(outbox, i % 2 == 0 ? MessageClass.SUMMARY : MessageClass.EVENT);
    }
    outbox.poll(10);
    for (long s : new long[] {3, 1, 2, 6, 5, 4, 9}) {
      outbox.acknowledge(s);
    }
    outbox.close();

    assertThat(sequences(drain(open(config())))).containsExactly(7L, 8L, 10L);
  }

  @Test
  void acknowledged_areNotResentAfterCrash() {
    Outbox outbox = open(config());
    for (int i = 0; i < 10; i++) {
      append(outbox, i % 3 == 0 ? MessageClass.SAMPLE : MessageClass.SUMMARY);
    }
    outbox.poll(10);
    for (long s : new long[] {2, 1, 5, 4, 3, 8}) {
      outbox.acknowledge(s);
    }
    outbox.abandon();

    Outbox reopened = open(config());

    assertThat(sequences(drain(reopened))).containsExactly(6L, 7L, 9L, 10L);
    assertThat(reopened.stats().depth()).isEqualTo(4);
  }

  @Test
  void acknowledged_survivesManyCompactionsAndCrash() {
    OutboxConfig small = config().withSizes(64L << 20, 4096);
    Outbox outbox = Outbox.open(small, clock, 8);
    List<Long> kept = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      append(outbox, MessageClass.values()[i % 4]);
    }
    for (OutboxRecord r : drain(outbox)) {
      if (r.sequence() % 7 == 0) {
        kept.add(r.sequence());
      } else {
        outbox.acknowledge(r.sequence());
      }
    }
    outbox.abandon();

    assertThat(sequences(drain(open(small)))).containsExactlyElementsOf(kept);
  }

  @Test
  void requeue_afterReconnectHandsOutUnacknowledgedAgainInOrder() {
    Outbox outbox = open(config());
    for (int i = 0; i < 5; i++) {
      append(outbox, i == 2 ? MessageClass.EVENT : MessageClass.SUMMARY);
    }
    outbox.poll(5);
    outbox.acknowledge(2);
    append(outbox, MessageClass.SUMMARY);

    outbox.requeueUnacknowledged();

    assertThat(sequences(outbox.poll(3))).containsExactly(1L, 3L, 4L);
    outbox.requeueUnacknowledged();
    assertThat(sequences(drain(outbox))).containsExactly(1L, 3L, 4L, 5L, 6L);
    assertThat(outbox.stats().inFlight()).isEqualTo(5);
  }

  @Test
  void requeue_lateAcknowledgementOfRequeuedRecordRemovesIt() {
    Outbox outbox = open(config());
    append(outbox, MessageClass.SUMMARY);
    append(outbox, MessageClass.SUMMARY);
    outbox.poll(2);
    outbox.requeueUnacknowledged();

    outbox.acknowledge(1);

    assertThat(sequences(outbox.poll(5))).containsExactly(2L);
  }

  @Test
  void acknowledge_ignoresUnknownRepeatedAndNotYetPolled() {
    Outbox outbox = open(config());
    append(outbox, MessageClass.SUMMARY);
    append(outbox, MessageClass.SUMMARY);
    outbox.acknowledge(2);
    outbox.poll(1);
    outbox.acknowledge(1);
    outbox.acknowledge(1);
    outbox.acknowledge(99);

    OutboxStats stats = outbox.stats();

    assertThat(stats.acknowledged()).isEqualTo(1);
    assertThat(stats.depth()).isEqualTo(1);
    assertThat(sequences(outbox.poll(5))).containsExactly(2L);
  }

  @Test
  void sequence_monotonicAcrossRestartEvenWhenEverythingWasAcknowledged() throws IOException {
    OutboxConfig small = config().withSizes(64L << 20, 4096);
    Outbox outbox = open(small);
    for (int i = 0; i < 100; i++) {
      append(outbox, MessageClass.SUMMARY);
    }
    drain(outbox).forEach(r -> outbox.acknowledge(r.sequence()));
    outbox.close();
    Outbox second = open(small);
    assertThat(segmentFiles()).isEmpty();
    second.abandon();

    Outbox third = open(small);

    assertThat(append(third, MessageClass.EVENT)).isEqualTo(101);
    assertThat(third.stats().lastSequence()).isEqualTo(101);
  }

  @Test
  void sequence_reservedIsNeverReusedAfterCrash() {
    Outbox outbox = open(config());
    append(outbox, MessageClass.STATE);
    assertThat(outbox.reserveSequence()).isEqualTo(2);
    outbox.abandon();

    assertThat(append(open(config()), MessageClass.STATE)).isEqualTo(3);
  }

  @Test
  void segments_fullyAcknowledgedAreDeleted() throws IOException {
    Outbox outbox = open(config().withSizes(64L << 20, 4096));
    for (int i = 0; i < 200; i++) {
      outbox.append(MessageClass.SUMMARY, TopicKind.TELEMETRY, s -> TestPayloads.of(s, 100));
    }
    assertThat(segmentFiles()).hasSizeGreaterThan(5);

    drain(outbox).forEach(r -> outbox.acknowledge(r.sequence()));

    assertThat(segmentFiles()).hasSize(1);
    assertThat(outbox.stats().bytesOnDisk()).isLessThan(2 * 4096 + 200 * 16);
    assertThat(outbox.stats().depth()).isZero();
  }

  @Test
  void append_encoderFailureStoresNothingAndUsesNoSequence() {
    Outbox outbox = open(config());

    assertThatThrownBy(
            () ->
                outbox.append(
                    MessageClass.EVENT,
                    TopicKind.EVENTS,
                    s -> {
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");

    assertThat(append(outbox, MessageClass.EVENT)).isEqualTo(1);
    assertThat(outbox.stats().appended()).isEqualTo(1);
  }

  @Test
  void append_encoderMayReadStatsButNotAppend() {
    Outbox outbox = open(config());
    long sequence =
        outbox.append(
            MessageClass.STATE, TopicKind.STATE, s -> TestPayloads.of(s + outbox.stats().depth()));
    assertThat(sequence).isEqualTo(1);

    assertThatThrownBy(
            () ->
                outbox.append(
                    MessageClass.STATE,
                    TopicKind.STATE,
                    s -> TestPayloads.of(append(outbox, MessageClass.EVENT))))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void append_recordLargerThanSegmentIsRefused() {
    Outbox outbox = open(config().withSizes(1L << 20, 4096));

    assertThatThrownBy(
            () -> outbox.append(MessageClass.SAMPLE, TopicKind.SAMPLES, s -> new byte[4096]))
        .isInstanceOf(OutboxException.class)
        .extracting(e -> ((OutboxException) e).code())
        .isEqualTo(OutboxErrorCode.RECORD_TOO_LARGE);
    assertThat(outbox.append(MessageClass.SAMPLE, TopicKind.SAMPLES, s -> new byte[4096 - 33]))
        .isEqualTo(1);
  }

  @Test
  void close_refusesAppendsAndPollsAndIgnoresLateAcks() {
    Outbox outbox = open(config());
    append(outbox, MessageClass.SUMMARY);
    outbox.poll(1);
    outbox.close();
    outbox.close();

    outbox.acknowledge(1);

    assertThat(outbox.status()).isEqualTo(OutboxStatus.CLOSED);
    assertThatThrownBy(() -> append(outbox, MessageClass.SUMMARY))
        .isInstanceOf(OutboxException.class)
        .extracting(e -> ((OutboxException) e).code())
        .isEqualTo(OutboxErrorCode.CLOSED);
    assertThatThrownBy(() -> outbox.poll(1)).isInstanceOf(OutboxException.class);
    assertThat(sequences(open(config()).poll(5))).containsExactly(1L);
  }

  @Test
  void open_secondOutboxOnSameDirectoryIsRefused() {
    open(config());

    assertThatThrownBy(() -> Outbox.open(config(), clock))
        .isInstanceOf(OutboxException.class)
        .extracting(e -> ((OutboxException) e).code())
        .isEqualTo(OutboxErrorCode.LOCKED);
  }

  @Test
  void stats_reportDepthAgeAndCounts() {
    Outbox outbox = open(config());
    append(outbox, MessageClass.SUMMARY);
    clock.advance(Duration.ofSeconds(5));
    append(outbox, MessageClass.EVENT);
    append(outbox, MessageClass.EVENT);

    OutboxStats before = outbox.stats();
    outbox.poll(1);
    outbox.acknowledge(1);
    clock.advance(Duration.ofSeconds(1));
    OutboxStats after = outbox.stats();

    assertThat(before.depth(MessageClass.SUMMARY)).isEqualTo(1);
    assertThat(before.depth(MessageClass.EVENT)).isEqualTo(2);
    assertThat(before.depth()).isEqualTo(3);
    assertThat(before.oldestAgeMillis()).isEqualTo(5000);
    assertThat(before.bytesOnDisk()).isPositive();
    assertThat(after.appended()).isEqualTo(3);
    assertThat(after.acknowledged()).isEqualTo(1);
    assertThat(after.depth()).isEqualTo(2);
    assertThat(after.oldestAge()).isEqualTo(Duration.ofSeconds(1));
    assertThat(after.shed()).isZero();
    assertThat(after.corruptRecords()).isZero();
  }

  @Test
  void fsyncInterval_handsOutOnlyRecordsForcedToTheDevice() {
    Outbox outbox = open(config().withFsync(FsyncPolicy.INTERVAL, Duration.ofSeconds(1)));
    append(outbox, MessageClass.EVENT);

    assertThat(outbox.poll(5)).isEmpty();
    assertThat(outbox.stats().depth()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    assertThat(outbox.stats().oldestAgeMillis()).isEqualTo(1000);

    assertThat(sequences(outbox.poll(5))).containsExactly(1L);
  }

  @Test
  void fsyncAlways_roundTripsAcrossRestart() {
    OutboxConfig always = config().withFsync(FsyncPolicy.ALWAYS, Duration.ZERO);
    Outbox outbox = open(always);
    for (int i = 0; i < 20; i++) {
      append(outbox, MessageClass.values()[i % 4]);
    }
    assertThat(outbox.poll(3)).hasSize(3);
    outbox.abandon();

    assertThat(drain(open(always))).hasSize(20).allMatch(TestPayloads::matches);
  }

  @Test
  void concurrentAppendersUplinkAndAcker_deliverEverythingOnceInClassOrder() throws Exception {
    Outbox outbox = open(config().withSizes(64L << 20, 8192));
    int perThread = 4000;
    List<Thread> appenders = new ArrayList<>();
    for (MessageClass c : List.of(MessageClass.SUMMARY, MessageClass.EVENT, MessageClass.SAMPLE)) {
      appenders.add(
          new Thread(
              () -> {
                for (int i = 0; i < perThread; i++) {
                  append(outbox, c);
                }
              }));
    }
    BlockingQueue<Long> toAcknowledge = new LinkedBlockingQueue<>();
    List<OutboxRecord> delivered = new ArrayList<>();
    Thread uplink =
        new Thread(
            () -> {
              while (delivered.size() < 3 * perThread) {
                for (OutboxRecord r : outbox.poll(100)) {
                  delivered.add(r);
                  toAcknowledge.add(r.sequence());
                }
              }
              toAcknowledge.add(-1L);
            });
    Thread acker =
        new Thread(
            () -> {
              try {
                for (long s = toAcknowledge.take(); s >= 0; s = toAcknowledge.take()) {
                  outbox.acknowledge(s);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    appenders.forEach(Thread::start);
    uplink.start();
    acker.start();
    for (Thread t : appenders) {
      t.join();
    }
    uplink.join();
    acker.join();

    assertThat(delivered).allMatch(TestPayloads::matches);
    assertThat(sequences(delivered)).doesNotHaveDuplicates().hasSize(3 * perThread);
    for (MessageClass c : List.of(MessageClass.SUMMARY, MessageClass.EVENT, MessageClass.SAMPLE)) {
      assertThat(delivered.stream().filter(r -> r.messageClass() == c).map(OutboxRecord::sequence))
          .hasSize(perThread)
          .isSorted();
    }
    OutboxStats stats = outbox.stats();
    assertThat(stats.depth()).isZero();
    assertThat(stats.acknowledged()).isEqualTo(3L * perThread);
    assertThat(segmentFiles()).hasSizeLessThanOrEqualTo(3);
  }

  private List<Path> segmentFiles() throws IOException {
    try (Stream<Path> files = Files.walk(temp.resolve("outbox"))) {
      return files.filter(p -> p.toString().endsWith(".seg")).toList();
    }
  }
}
