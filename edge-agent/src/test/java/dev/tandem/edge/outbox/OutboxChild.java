package dev.tandem.edge.outbox;

import dev.tandem.protocol.topic.TopicKind;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The process {@link OutboxKillTest} kills: opens (recovers) an outbox and works it as fast as it
 * can, printing after each call returns what the outbox now promises. Lines: {@code READY} once
 * open; {@code A seq} after an append returned; in ack mode also {@code k seq} before and {@code K
 * seq} after an acknowledgement, and {@code BAD seq} (then exit 3) if a polled payload is wrong.
 * Stops by itself after {@link #MAX_RUN} in case nobody kills it.
 *
 * <p>Usage: {@code OutboxChild append|ack|large DIRECTORY SEED}; "large" acknowledges like "ack"
 * but writes records of 64 to 192 KiB.
 */
final class OutboxChild {
  static final Duration MAX_RUN = Duration.ofSeconds(20);
  private static final MessageClass[] CLASSES = MessageClass.values();

  private final Outbox outbox;
  private final OutputStream out;

  private OutboxChild(Outbox outbox, OutputStream out) {
    this.outbox = outbox;
    this.out = out;
  }

  /** The configuration both the child and the verifying test use for {@code mode}. */
  static OutboxConfig config(Path directory, String mode) {
    if ("large".equals(mode)) {
      return new OutboxConfig(
          directory, 1L << 30, 1 << 20, FsyncPolicy.NEVER, Duration.ZERO, EventShedPolicy.REFUSE);
    }
    return "ack".equals(mode)
        ? new OutboxConfig(
            directory,
            1L << 30,
            4096,
            FsyncPolicy.INTERVAL,
            Duration.ofMillis(5),
            EventShedPolicy.REFUSE)
        : new OutboxConfig(
            directory,
            1L << 30,
            64 * 1024,
            FsyncPolicy.NEVER,
            Duration.ZERO,
            EventShedPolicy.REFUSE);
  }

  static TopicKind kind(MessageClass c) {
    return switch (c) {
      case EVENT -> TopicKind.EVENTS;
      case SUMMARY -> TopicKind.TELEMETRY;
      case SAMPLE -> TopicKind.SAMPLES;
      case STATE -> TopicKind.STATE;
    };
  }

  public static void main(String[] args) throws IOException {
    String mode = args[0];
    Path directory = Path.of(args[1]);
    SplittableRandom random = new SplittableRandom(Long.parseLong(args[2]));
    OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 256);
    try (Outbox outbox = Outbox.open(config(directory, mode), InstantSource.system(), 32)) {
      OutboxChild child = new OutboxChild(outbox, out);
      child.print("READY");
      long deadline = System.nanoTime() + MAX_RUN.toNanos();
      for (long i = random.nextInt(4); System.nanoTime() < deadline; i++) {
        MessageClass c = CLASSES[(int) (i % CLASSES.length)];
        long sequence = outbox.append(c, kind(c), s -> TestPayloads.forMode(mode, s));
        child.print("A " + sequence);
        if (!"append".equals(mode) && random.nextInt(3) == 0) {
          child.pollAndAcknowledge(mode, random);
        }
      }
    }
  }

  private final List<Long> pending = new ArrayList<>();

  private void pollAndAcknowledge(String mode, SplittableRandom random) throws IOException {
    for (OutboxRecord record : outbox.poll(1 + random.nextInt(6))) {
      if (!TestPayloads.matches(mode, record)) {
        print("BAD " + record.sequence());
        System.exit(3);
      }
      pending.add(record.sequence());
    }
    for (Iterator<Long> it = pending.iterator(); it.hasNext(); ) {
      long sequence = it.next();
      if (random.nextInt(10) < 7) {
        print("k " + sequence);
        outbox.acknowledge(sequence);
        print("K " + sequence);
        it.remove();
      }
    }
    if (random.nextInt(40) == 0) {
      outbox.requeueUnacknowledged();
      pending.clear();
    }
  }

  private void print(String line) throws IOException {
    out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
