package dev.tandem.edge.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.topic.TopicKind;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Damage on disk, as a torn write or bit rot leaves it, is cut off or skipped and counted. */
@Timeout(30)
class OutboxRecoveryTest {
  private static final int PAYLOAD = 50;
  private static final int RECORD = PAYLOAD + RecordFormat.RECORD_OVERHEAD;

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
        16L << 20,
        1 << 20,
        FsyncPolicy.NEVER,
        Duration.ZERO,
        EventShedPolicy.REFUSE);
  }

  private Outbox open() {
    Outbox outbox = Outbox.open(config(), clock);
    opened.add(outbox);
    return outbox;
  }

  /** Five summaries of 50 bytes in one segment, left as a killed process leaves them. */
  private Path fiveRecordsThenCrash() throws IOException {
    Outbox outbox = open();
    for (int i = 0; i < 5; i++) {
      outbox.append(MessageClass.SUMMARY, TopicKind.TELEMETRY, s -> TestPayloads.of(s, PAYLOAD));
    }
    outbox.abandon();
    try (Stream<Path> files = Files.list(temp.resolve("outbox").resolve("summary"))) {
      return files.filter(p -> p.toString().endsWith(".seg")).findFirst().orElseThrow();
    }
  }

  private static long recordOffset(int index) {
    return RecordFormat.SEGMENT_HEADER_BYTES + (long) index * RECORD;
  }

  private static void flipByte(Path file, long offset) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(offset);
      int b = raf.read();
      raf.seek(offset);
      raf.write(b ^ 0x40);
    }
  }

  private static void truncate(Path file, long size) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(size);
    }
  }

  private static List<Long> drainSequences(Outbox outbox) {
    List<OutboxRecord> records = outbox.poll(100);
    for (OutboxRecord r : records) {
      assertThat(r.payload()).isEqualTo(TestPayloads.of(r.sequence(), PAYLOAD));
    }
    return records.stream().map(OutboxRecord::sequence).toList();
  }

  @Test
  void tornTail_isCutOffAndCounted() throws IOException {
    Path segment = fiveRecordsThenCrash();
    truncate(segment, recordOffset(5) - 7);

    Outbox outbox = open();

    assertThat(drainSequences(outbox)).containsExactly(1L, 2L, 3L, 4L);
    assertThat(outbox.stats().corruptRecords()).isEqualTo(1);
    assertThat(Files.size(segment)).isEqualTo(recordOffset(4));
    assertThat(outbox.append(MessageClass.SUMMARY, TopicKind.TELEMETRY, s -> new byte[1]))
        .isEqualTo(5);
  }

  @Test
  void tornTail_withOnlyPartOfTheLengthIsCutOff() throws IOException {
    Path segment = fiveRecordsThenCrash();
    truncate(segment, recordOffset(4) + 3);

    Outbox outbox = open();

    assertThat(drainSequences(outbox)).containsExactly(1L, 2L, 3L, 4L);
    assertThat(outbox.stats().corruptRecords()).isEqualTo(1);
  }

  @Test
  void flippedPayloadByteInLastRecord_isCutOffAndCounted() throws IOException {
    Path segment = fiveRecordsThenCrash();
    flipByte(segment, recordOffset(4) + RecordFormat.RECORD_OVERHEAD + 20);

    Outbox outbox = open();

    assertThat(drainSequences(outbox)).containsExactly(1L, 2L, 3L, 4L);
    assertThat(outbox.stats().corruptRecords()).isEqualTo(1);
    assertThat(Files.size(segment)).isEqualTo(recordOffset(4));
  }

  @Test
  void damagedRecordInTheMiddle_isDroppedAndLaterRecordsKept() throws IOException {
    Path segment = fiveRecordsThenCrash();
    flipByte(segment, recordOffset(2) + RecordFormat.RECORD_OVERHEAD + 3);

    Outbox outbox = open();

    assertThat(drainSequences(outbox)).containsExactly(1L, 2L, 4L, 5L);
    assertThat(outbox.stats().corruptRecords()).isEqualTo(1);
    assertThat(Files.size(segment)).isEqualTo(recordOffset(4));
  }

  @Test
  void damagedLengthInTheMiddle_cutsTheSegmentThere() throws IOException {
    Path segment = fiveRecordsThenCrash();
    flipByte(segment, recordOffset(3) + 1);

    Outbox outbox = open();

    assertThat(drainSequences(outbox)).containsExactly(1L, 2L, 3L);
    assertThat(outbox.stats().corruptRecords()).isEqualTo(1);
  }

  @Test
  void segmentCreatedButNeverWritten_isRemovedWithoutCounting() throws IOException {
    Path segment = fiveRecordsThenCrash();
    Path empty = segment.resolveSibling(Segment.fileName(6));
    Files.write(empty, new byte[] {0x54, 0x44});

    Outbox outbox = open();

    assertThat(drainSequences(outbox)).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(outbox.stats().corruptRecords()).isZero();
    assertThat(empty).doesNotExist();
  }

  @Test
  void segmentWithGarbageHeader_isRemovedAndCounted() throws IOException {
    Path segment = fiveRecordsThenCrash();
    flipByte(segment, 0);

    Outbox outbox = open();

    assertThat(outbox.poll(10)).isEmpty();
    assertThat(outbox.stats().corruptRecords()).isEqualTo(1);
    assertThat(segment).doesNotExist();
  }

  @Test
  void tornAckLogTail_resendsAtMostTheLastAcknowledgement() throws IOException {
    Outbox outbox = open();
    for (int i = 0; i < 5; i++) {
      outbox.append(MessageClass.SUMMARY, TopicKind.TELEMETRY, s -> TestPayloads.of(s, PAYLOAD));
    }
    outbox.poll(5);
    outbox.acknowledge(1);
    outbox.acknowledge(2);
    outbox.acknowledge(3);
    outbox.abandon();
    Path acks = temp.resolve("outbox").resolve(AckLog.NAME);
    truncate(acks, Files.size(acks) - 5);

    assertThat(drainSequences(open())).containsExactly(3L, 4L, 5L);
  }

  @Test
  void damagedMetaFile_sequencesStillContinueAfterTheStoredRecords() throws IOException {
    fiveRecordsThenCrash();
    Files.write(temp.resolve("outbox").resolve(MetaFile.NAME), new byte[] {1, 2, 3});

    Outbox outbox = open();

    assertThat(outbox.append(MessageClass.EVENT, TopicKind.EVENTS, s -> new byte[1])).isEqualTo(6);
  }

  @Test
  void leftoverTemporaryFiles_areRemoved() throws IOException {
    Path segment = fiveRecordsThenCrash();
    Path leftover = segment.resolveSibling(segment.getFileName() + ".tmp");
    Files.write(leftover, new byte[100]);

    Outbox outbox = open();

    assertThat(leftover).doesNotExist();
    assertThat(drainSequences(outbox)).hasSize(5);
  }
}
