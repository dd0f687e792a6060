package dev.tandem.edge.outbox;

import dev.tandem.protocol.topic.TopicKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Measures the outbox after a long offline period: the sustained append rate while {@code records}
 * messages pile up, the time to recover them on restart, and the rate at which poll plus
 * acknowledge drains them (the uplink's side without the network). Run it with {@code ./tandem
 * bench edge}, or directly: {@code OutboxBenchmark [records] [payloadBytes]
 * [ALWAYS|INTERVAL|NEVER]}.
 */
public final class OutboxBenchmark {
  private static final int POLL_BATCH = 500;

  private OutboxBenchmark() {}

  /**
   * One benchmark run.
   *
   * @param records messages appended and drained
   * @param payloadBytes size of each payload
   * @param fsync the fsync policy used (interval 200 ms)
   * @param appendPerSecond sustained append rate, messages per second
   * @param recoverMillis time to reopen the outbox holding all records
   * @param drainPerSecond poll plus acknowledge rate over the whole backlog, messages per second
   * @param bytesOnDisk outbox size with the whole backlog stored
   */
  public record Result(
      int records,
      int payloadBytes,
      FsyncPolicy fsync,
      double appendPerSecond,
      long recoverMillis,
      double drainPerSecond,
      long bytesOnDisk) {

    public String toJson() {
      return String.format(
          Locale.ROOT,
          "{\"records\":%d,\"payloadBytes\":%d,\"fsync\":\"%s\",\"appendPerSecond\":%.0f,"
              + "\"recoverMillis\":%d,\"drainPerSecond\":%.0f,\"bytesOnDisk\":%d}",
          records,
          payloadBytes,
          fsync,
          appendPerSecond,
          recoverMillis,
          drainPerSecond,
          bytesOnDisk);
    }

    public String toTable() {
      return String.format(
          Locale.ROOT,
          "outbox: %,d records of %d B, fsync %s%n"
              + "  append   %,12.0f msg/s%n"
              + "  recover  %,12d ms%n"
              + "  drain    %,12.0f msg/s (poll %d + acknowledge)%n"
              + "  on disk  %,12d bytes%n",
          records,
          payloadBytes,
          fsync,
          appendPerSecond,
          recoverMillis,
          drainPerSecond,
          POLL_BATCH,
          bytesOnDisk);
    }
  }

  /**
   * Appends {@code records} payloads of {@code payloadBytes} (70 % summaries, 20 % samples, 10 %
   * events) into a fresh outbox under {@code directory}, reopens it, and drains it.
   *
   * @throws IllegalStateException if the drain does not return every record exactly once
   */
  public static Result run(Path directory, int records, int payloadBytes, FsyncPolicy fsync) {
    if (records < 1 || payloadBytes < 1) {
      throw new IllegalArgumentException(
          "records and payloadBytes must be positive, got " + records + ", " + payloadBytes);
    }
    int segment = 4 << 20;
    long budget =
        Math.max(
            64L * segment, 2L * records * RecordFormat.recordBytes(payloadBytes) + 8L * segment);
    OutboxConfig config =
        new OutboxConfig(
            directory, budget, segment, fsync, Duration.ofMillis(200), EventShedPolicy.REFUSE);
    InstantSource clock = InstantSource.system();
    byte[] payload = new byte[payloadBytes];
    for (int i = 0; i < payloadBytes; i++) {
      payload[i] = (byte) (i * 31 + 7);
    }

    long appendNanos;
    try (Outbox outbox = Outbox.open(config, clock)) {
      long start = System.nanoTime();
      for (int i = 0; i < records; i++) {
        int slot = i % 10;
        MessageClass c =
            slot < 7 ? MessageClass.SUMMARY : slot < 9 ? MessageClass.SAMPLE : MessageClass.EVENT;
        TopicKind kind =
            slot < 7 ? TopicKind.TELEMETRY : slot < 9 ? TopicKind.SAMPLES : TopicKind.EVENTS;
        outbox.append(c, kind, sequence -> payload);
      }
      appendNanos = System.nanoTime() - start;
    }

    long recoverStart = System.nanoTime();
    try (Outbox outbox = Outbox.open(config, clock)) {
      long recoverNanos = System.nanoTime() - recoverStart;
      long bytes = outbox.stats().bytesOnDisk();
      long start = System.nanoTime();
      long drained = 0;
      long previous = 0;
      while (true) {
        List<OutboxRecord> batch = outbox.poll(POLL_BATCH);
        if (batch.isEmpty()) {
          break;
        }
        for (OutboxRecord record : batch) {
          if (record.sequence() <= previous) {
            throw new IllegalStateException("drain out of order at " + record.sequence());
          }
          previous = record.sequence();
          outbox.acknowledge(record.sequence());
        }
        drained += batch.size();
      }
      long drainNanos = System.nanoTime() - start;
      if (drained != records || outbox.stats().depth() != 0) {
        throw new IllegalStateException("drained " + drained + " of " + records + " records");
      }
      return new Result(
          records,
          payloadBytes,
          fsync,
          records / (appendNanos / 1e9),
          recoverNanos / 1_000_000,
          drained / (drainNanos / 1e9),
          bytes);
    }
  }

  /** Runs in a temporary directory, prints the table to stderr and JSON to stdout. */
  public static void main(String[] args) throws IOException {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int payloadBytes = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    FsyncPolicy fsync =
        args.length > 2
            ? FsyncPolicy.valueOf(args[2].toUpperCase(Locale.ROOT))
            : FsyncPolicy.INTERVAL;
    Path directory = Files.createTempDirectory("tandem-outbox-bench");
    try {
      Result result = run(directory.resolve("outbox"), records, payloadBytes, fsync);
      System.err.print(result.toTable());
      System.out.println(result.toJson());
    } finally {
      deleteRecursively(directory);
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
