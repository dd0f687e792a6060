package dev.tandem.edge.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real outbox process with SIGKILL ({@link Process#destroyForcibly()}) at random (seeded)
 * moments, many times on the same directory, then checks that nothing it was promised is lost,
 * duplicated, resurrected or corrupted. Most kills land while the child appends; every fourth at a
 * random moment after start, which may be during JVM start-up or recovery.
 */
@Timeout(180)
class OutboxKillTest {
  private static final int KILLS = 20;

  @TempDir Path temp;

  @Test
  void killNine_neverLosesOrCorruptsAnAppendedRecord() throws Exception {
    Path directory = temp.resolve("outbox");
    Random random = new Random(0x0B0C5EEDL);
    List<Long> appended = new ArrayList<>();
    for (int run = 0; run < KILLS; run++) {
      for (String line : runAndKill("append", directory, random, run)) {
        if (line.startsWith("A ")) {
          appended.add(Long.parseLong(line.substring(2)));
        }
      }
    }

    List<OutboxRecord> stored = drain(directory, "append");

    assertStrictlyIncreasing(appended);
    assertStrictlyIncreasing(stored.stream().map(OutboxRecord::sequence).toList());
    assertThat(stored).allMatch(TestPayloads::matches, "payload derived from its sequence");
    Set<Long> storedSequences = sequences(stored);
    assertThat(appended).hasSizeGreaterThan(KILLS).allMatch(storedSequences::contains);
  }

  @Test
  void killNine_withAcknowledgementsInterleaved_neverLosesAnUnacknowledgedRecord()
      throws Exception {
    Path directory = temp.resolve("outbox");
    Random random = new Random(0xAC4EDL);
    List<Long> appended = new ArrayList<>();
    Set<Long> ackStarted = new HashSet<>();
    Set<Long> acked = new HashSet<>();
    for (int run = 0; run < KILLS; run++) {
      List<String> got = runAndKill("ack", directory, random, run);
      ALL.add("RUN " + run);
      ALL.addAll(got);
      for (String line : got) {
        assertThat(line).doesNotStartWith("BAD");
        long sequence = line.startsWith("READY") ? 0 : Long.parseLong(line.substring(2));
        switch (line.charAt(0)) {
          case 'A' -> appended.add(sequence);
          case 'k' -> ackStarted.add(sequence);
          case 'K' -> acked.add(sequence);
          default -> {
            // READY
          }
        }
      }
    }

    copyTree(directory, Path.of("/tmp/obx/fail-" + System.nanoTime()));
    List<OutboxRecord> stored = drain(directory, "ack");

    assertStrictlyIncreasing(appended);
    assertStrictlyIncreasing(stored.stream().map(OutboxRecord::sequence).toList());
    assertThat(stored).allMatch(TestPayloads::matches, "payload derived from its sequence");
    Set<Long> storedSequences = sequences(stored);
    assertThat(acked).hasSizeGreaterThan(KILLS);
    assertThat(appended.stream().filter(s -> !ackStarted.contains(s)))
        .as("appended and never acknowledged")
        .allMatch(storedSequences::contains);
    assertThat(storedSequences)
        .as("acknowledged before the kill")
        .doesNotContainAnyElementsOf(acked);
  }

  /** Starts a child, kills it at a random moment, and returns the complete lines it printed. */
  private List<String> runAndKill(String mode, Path directory, Random random, int run)
      throws Exception {
    Path stderr = temp.resolve("child-" + mode + "-" + run + ".err");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                OutboxChild.class.getName(),
                mode,
                directory.toString(),
                Long.toString(random.nextLong()))
            .redirectError(stderr.toFile())
            .start();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    CountDownLatch ready = new CountDownLatch(1);
    Thread reader = new Thread(() -> collect(process.getInputStream(), output, ready));
    reader.start();
    if (run % 4 == 3) {
      Thread.sleep(random.nextInt(600));
    } else {
      assertThat(ready.await(60, TimeUnit.SECONDS)).as("child ready").isTrue();
      Thread.sleep(20 + random.nextInt(200));
    }
    boolean alive = process.isAlive();
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    reader.join(30_000);
    assertThat(alive)
        .as("child still running when killed; its stderr: %s", Files.readString(stderr))
        .isTrue();
    String text;
    synchronized (output) {
      text = output.toString(StandardCharsets.US_ASCII);
    }
    int end = text.lastIndexOf('\n');
    return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
  }

  private static void collect(InputStream in, ByteArrayOutputStream output, CountDownLatch ready) {
    byte[] buffer = new byte[8192];
    try (in) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        synchronized (output) {
          output.write(buffer, 0, n);
          if (ready.getCount() > 0 && output.toString(StandardCharsets.US_ASCII).contains("\n")) {
            ready.countDown();
          }
        }
      }
    } catch (IOException e) {
      // The child is gone; what was read is kept.
    }
  }

  private static List<OutboxRecord> drain(Path directory, String mode) {
    List<OutboxRecord> all = new ArrayList<>();
    try (Outbox outbox = Outbox.open(OutboxChild.config(directory, mode), InstantSource.system())) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (System.nanoTime() < deadline) {
        List<OutboxRecord> batch = outbox.poll(1000);
        all.addAll(batch);
        if (batch.isEmpty() && outbox.stats().depth() == outbox.stats().inFlight()) {
          break;
        }
      }
    }
    return all;
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (var w = Files.walk(from)) {
      for (Path f : (Iterable<Path>) w::iterator) {
        Path t = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) Files.createDirectories(t);
        else Files.copy(f, t);
      }
    }
    java.nio.file.Files.writeString(to.resolve("lines.txt"), String.join("\n", ALL));
  }

  static final List<String> ALL = new ArrayList<>();

  private static Set<Long> sequences(List<OutboxRecord> records) {
    Set<Long> set = new HashSet<>();
    records.forEach(r -> set.add(r.sequence()));
    return set;
  }

  private static void assertStrictlyIncreasing(List<Long> sequences) {
    for (int i = 1; i < sequences.size(); i++) {
      assertThat(sequences.get(i))
          .as("sequence after %d at index %d", sequences.get(i - 1), i)
          .isGreaterThan(sequences.get(i - 1));
    }
  }
}
