package dev.tandem.edge.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.topic.TopicKind;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real outbox process with SIGKILL ({@link Process#destroyForcibly()}) at random (seeded)
 * moments, many times on the same directory, then checks that nothing it was promised is lost,
 * duplicated, resurrected or corrupted. Most kills land while the child appends; every fourth at a
 * random moment after start, which may be during JVM start-up or recovery. Records of a few bytes
 * are written by one write call that SIGKILL cannot tear; the "large" mode writes records of 64 to
 * 192 KiB, whose writes a kill can cut between pages, so that recovery may meet real torn tails
 * (the test prints how many recoveries did).
 */
@Timeout(180)
class OutboxKillTest {
  private static final int KILLS = 30;

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
    assertThat(stored)
        .allMatch(r -> TestPayloads.matches("append", r), "payload derived from its sequence");
    Set<Long> storedSequences = sequences(stored);
    assertThat(appended).hasSizeGreaterThan(KILLS).allMatch(storedSequences::contains);
    System.out.printf(
        "kill -9 x%d: %d appends confirmed, %d records recovered intact%n",
        KILLS, appended.size(), stored.size());
  }

  @Test
  void killNine_withAcknowledgementsInterleaved_neverLosesAnUnacknowledgedRecord()
      throws Exception {
    killWhileAcknowledging("ack", 0xAC4EDL);
  }

  @Test
  void killNine_duringLargeWrites_neverLosesAnUnacknowledgedRecord() throws Exception {
    killWhileAcknowledging("large", 0x1A26EL);
  }

  private void killWhileAcknowledging(String mode, long seed) throws Exception {
    Path directory = temp.resolve("outbox");
    Random random = new Random(seed);
    List<Long> appended = new ArrayList<>();
    Set<Long> ackStarted = new HashSet<>();
    Set<Long> acked = new HashSet<>();
    for (int run = 0; run < KILLS; run++) {
      for (String line : runAndKill(mode, directory, random, run)) {
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

    List<OutboxRecord> stored = drain(directory, mode);

    assertStrictlyIncreasing(appended);
    assertStrictlyIncreasing(stored.stream().map(OutboxRecord::sequence).toList());
    assertThat(stored)
        .allMatch(r -> TestPayloads.matches(mode, r), "payload derived from its sequence");
    Set<Long> storedSequences = sequences(stored);
    assertThat(acked).as("acknowledgements confirmed before kills").hasSizeGreaterThan(KILLS / 2);
    assertThat(appended.stream().filter(s -> !ackStarted.contains(s)))
        .as("appended and never acknowledged")
        .allMatch(storedSequences::contains);
    assertThat(storedSequences)
        .as("acknowledged before the kill")
        .doesNotContainAnyElementsOf(acked);
    System.out.printf(
        "kill -9 x%d (%s): %d appends and %d acknowledgements confirmed, %d records left,"
            + " %d recoveries cut a torn or damaged tail%n",
        KILLS, mode, appended.size(), acked.size(), stored.size(), childRecoveriesThatCut(mode));
  }

  private long childRecoveriesThatCut(String mode) throws Exception {
    long count = 0;
    for (int run = 0; run < KILLS; run++) {
      Path stderr = temp.resolve("child-" + mode + "-" + run + ".err");
      if (Files.exists(stderr) && Files.readString(stderr).contains("damaged record")) {
        count++;
      }
    }
    return count;
  }

  /**
   * Starts a child, kills it at a random moment, and returns the complete lines it printed. The
   * child writes to a file, not a pipe: a pipe read while the process dies may drop its last bytes.
   */
  /** Whether the child printed anything (append mode) or confirmed an acknowledgement. */
  private static boolean ready(String mode, Path stdout) throws java.io.IOException {
    if ("append".equals(mode)) {
      return Files.size(stdout) > 0;
    }
    String text = Files.readString(stdout, StandardCharsets.US_ASCII);
    return text.startsWith("K") || text.contains("\nK");
  }

  private List<String> runAndKill(String mode, Path directory, Random random, int run)
      throws Exception {
    Path stdout = temp.resolve("child-" + mode + "-" + run + ".out");
    Path stderr = temp.resolve("child-" + mode + "-" + run + ".err");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx64m",
                "-cp",
                childClassPath(),
                OutboxChild.class.getName(),
                mode,
                directory.toString(),
                Long.toString(random.nextLong()))
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    try {
      if (run % 4 == 3) {
        Thread.sleep(random.nextInt(600));
      } else {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // In the acknowledging modes, until the child confirmed its first acknowledgement: on a
        // loaded machine a fixed delay may kill it before it acknowledged anything.
        while (!ready(mode, stdout) && process.isAlive() && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        Thread.sleep("large".equals(mode) ? random.nextInt(60) : 20 + random.nextInt(200));
      }
      assertThat(process.isAlive())
          .as("child still running when killed; its stderr: %s", Files.readString(stderr))
          .isTrue();
    } finally {
      process.destroyForcibly();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("child gone").isTrue();
    }
    String text = Files.readString(stdout, StandardCharsets.US_ASCII);
    int end = text.lastIndexOf('\n');
    return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
  }

  /**
   * This JVM's class path, led by the directories and jars that hold the child's classes. Surefire
   * hands its JVM a manifest-only jar as {@code java.class.path} and may delete it while tests
   * still run, so the class path is not enough on its own.
   */
  private static String childClassPath() throws Exception {
    List<String> entries = new ArrayList<>();
    for (Class<?> c : List.of(OutboxChild.class, Outbox.class, TopicKind.class)) {
      entries.add(
          Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    }
    entries.add(System.getProperty("java.class.path"));
    return String.join(File.pathSeparator, entries);
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
