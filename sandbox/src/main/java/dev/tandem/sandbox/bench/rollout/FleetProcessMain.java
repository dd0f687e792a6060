package dev.tandem.sandbox.bench.rollout;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The simulated fleet in a JVM of its own (started by {@link ChildFleet}): its sockets and CPU are
 * apart from the servers', as a real fleet's are. Arguments: device count, broker URI, data
 * directory, pinned root file, worker threads, broken share, report window in milliseconds. Writes
 * {@code ready <size> <broken>}, then every 200 ms a {@code status} line and a {@code codes} line
 * on stdout; stops when stdin closes.
 */
public final class FleetProcessMain {
  private FleetProcessMain() {}

  public static void main(String[] args) throws Exception {
    int count = Integer.parseInt(args[0]);
    URI broker = URI.create(args[1]);
    Path dataDir = Path.of(args[2]);
    Path root = Path.of(args[3]);
    int threads = Integer.parseInt(args[4]);
    double brokenShare = Double.parseDouble(args[5]);
    Duration reportWindow = Duration.ofMillis(Long.parseLong(args[6]));
    List<String> ids = BenchDevices.ids(count);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (LeanFleet fleet =
        LeanFleet.start(
            ids, broker, dataDir, root, threads, brokenShare, reportWindow, System.err)) {
      out.println("ready " + fleet.size() + " " + fleet.broken());
      Thread reporter =
          new Thread(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  report(out, fleet);
                  try {
                    Thread.sleep(200);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "fleet-status");
      reporter.setDaemon(true);
      reporter.start();
      var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      while (in.readLine() != null) {
        // Runs until the benchmark closes our stdin.
      }
      reporter.interrupt();
      reporter.join(1000);
      report(out, fleet);
    }
    System.exit(0);
  }

  private static void report(PrintStream out, LeanFleet fleet) {
    Map<String, Long> codes = fleet.failureCodes();
    synchronized (out) {
      out.printf(
          "status %d %d %d %d %d %d%n",
          fleet.desiredReceived(),
          fleet.activeReports(),
          fleet.failedReports(),
          fleet.publishFailures(),
          fleet.downloadedBytes(),
          fleet.httpResponses());
      out.println(
          "codes "
              + codes.entrySet().stream()
                  .map(e -> e.getKey() + "=" + e.getValue())
                  .collect(Collectors.joining(",")));
    }
  }
}
