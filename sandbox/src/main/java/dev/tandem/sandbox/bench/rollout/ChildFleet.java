package dev.tandem.sandbox.bench.rollout;

import dev.tandem.edge.fleet.FleetUpdates;
import dev.tandem.edge.model.EdgeModelRuntime;
import dev.tandem.edge.update.UpdateContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The simulated fleet ({@link FleetProcessMain}) in a child JVM on this JVM's class path: the
 * benchmark reads its counters from the child's status lines and its CPU from the OS.
 */
final class ChildFleet implements SimulatedFleet {
  private final Process process;
  private final FleetUpdates brokenChoice;
  private final CountDownLatch ready = new CountDownLatch(1);
  private volatile int size;
  private volatile int broken;
  private volatile long[] status = new long[6];
  private volatile Map<String, Long> codes = Map.of();
  private volatile String failure;

  private ChildFleet(Process process, FleetUpdates brokenChoice) {
    this.process = process;
    this.brokenChoice = brokenChoice;
  }

  static ChildFleet start(
      int count,
      URI broker,
      Path dataDir,
      Path root,
      int threads,
      double brokenShare,
      Duration reportWindow)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // The JDK's HttpClient.sendAsync hands every response to CompletableFuture's default pool; on
    // two cores that pool's parallelism is 1, and then it starts a new thread per task: one thread
    // per device download. Two common-pool threads instead.
    List<String> command =
        new ArrayList<>(List.of(java, "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2"));
    // Extra JVM options for the fleet's JVM (a profiler, a heap size), like the control plane's.
    String extra = System.getenv("TANDEM_FLEET_JAVA_OPTS");
    if (extra != null && !extra.isBlank()) {
      command.addAll(List.of(extra.trim().split("\\s+")));
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            FleetProcessMain.class.getName(),
            Integer.toString(count),
            broker.toString(),
            dataDir.toString(),
            root.toString(),
            Integer.toString(threads),
            Double.toString(brokenShare),
            Long.toString(reportWindow.toMillis())));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    // The same seeded choice the child makes, so that the benchmark knows the broken devices.
    var context =
        new UpdateContext(HttpClient.newHttpClient(), Runnable::run, InstantSource.system());
    var choice =
        new FleetUpdates(root, new EdgeModelRuntime(), context, brokenShare, LeanFleet.SEED);
    ChildFleet fleet = new ChildFleet(process, choice);
    Thread reader = new Thread(fleet::read, "fleet-child-reader");
    reader.setDaemon(true);
    reader.start();
    while (!fleet.ready.await(1, TimeUnit.SECONDS)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the simulated fleet's JVM exited with code " + process.exitValue());
      }
    }
    if (fleet.failure != null) {
      fleet.close();
      throw new IllegalStateException(fleet.failure);
    }
    return fleet;
  }

  private void read() {
    try (var in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        String[] parts = line.split(" ", 2);
        switch (parts[0]) {
          case "ready" -> {
            String[] n = parts[1].split(" ");
            size = Integer.parseInt(n[0]);
            broken = Integer.parseInt(n[1]);
            ready.countDown();
          }
          case "status" -> {
            String[] n = parts[1].split(" ");
            long[] next = new long[n.length];
            for (int i = 0; i < n.length; i++) {
              next[i] = Long.parseLong(n[i]);
            }
            status = next;
          }
          case "codes" -> codes = parseCodes(parts.length > 1 ? parts[1] : "");
          default -> {
            // Not ours (a library writing to stdout): ignored.
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      failure = "reading the simulated fleet's status failed: " + e.getMessage();
    } finally {
      ready.countDown();
    }
  }

  private static Map<String, Long> parseCodes(String text) {
    Map<String, Long> parsed = new TreeMap<>();
    for (String pair : text.split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        parsed.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
      }
    }
    return parsed;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int broken() {
    return broken;
  }

  @Override
  public boolean isBroken(int index) {
    return brokenChoice.broken(index);
  }

  @Override
  public long desiredReceived() {
    return status[0];
  }

  @Override
  public long activeReports() {
    return status[1];
  }

  @Override
  public long failedReports() {
    return status[2];
  }

  @Override
  public long publishFailures() {
    return status[3];
  }

  @Override
  public Map<String, Long> failureCodes() {
    return codes;
  }

  @Override
  public long downloadedBytes() {
    return status[4];
  }

  @Override
  public long httpResponses() {
    return status[5];
  }

  @Override
  public long cpuNanos() {
    // /proc/<pid>/stat: user and system time in clock ticks (100 per second on Linux), fields 14
    // and 15, counted after the command name in parentheses.
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return ticks * 10_000_000L;
    } catch (IOException | RuntimeException e) {
      return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
  }

  /** Closes the child's stdin (it disconnects its devices and exits); kills it after 30 s. */
  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
