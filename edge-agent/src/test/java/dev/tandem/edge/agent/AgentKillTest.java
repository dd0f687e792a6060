package dev.tandem.edge.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.v1.WindowSummary;
import dev.tandem.servers.MqttEndpoint;
import dev.tandem.testkit.MqttTestClient;
import dev.tandem.testkit.TcpProxy;
import dev.tandem.testkit.WithRealServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real agent process killed with SIGKILL at random moments, many times, while offline, then
 * started once more with the network back: every window it had queued arrives, each sequence number
 * means one message, and within each run the windows have no gap (only the window still open in
 * memory at a kill may be missing).
 */
@WithRealServers
class AgentKillTest {
  private static final int KILLS = 8;
  private static final long WINDOW_MS = 250;

  @TempDir Path dir;

  @Test
  void killedAtRandomPointsLosesNothingItQueued(MqttEndpoint mqtt) throws Exception {
    String device = "kill-" + Long.toHexString(System.nanoTime());
    try (var link = TcpProxy.cutTo(mqtt.uri().getHost(), mqtt.uri().getPort());
        var listener = MqttTestClient.connect(mqtt, "kill-listener-" + device)) {
      listener.subscribe("fleet/" + device + "/telemetry", 1);
      Path config = dir.resolve("agent.yaml");
      Files.writeString(
          config,
          """
          device: {id: %s}
          mqtt: {url: 'tcp://127.0.0.1:%d', reconnect-initial: 100ms, reconnect-max: 300ms}
          outbox: {dir: outbox}
          state-interval: 1h
          streams:
            - id: t
              source: {type: simulated, profile: temperature, rate-hz: 200, seed: 3}
              window: {size: %dms, allowed-lateness: 0s}
          """
              .formatted(device, link.port(), WINDOW_MS));
      var random = new Random(20261123);
      for (int kill = 0; kill < KILLS; kill++) {
        Process agent = start(config, "run-" + kill);
        Thread.sleep(1_000 + random.nextInt(1_500)); // start-up, then a random moment of work
        agent.destroyForcibly();
        assertThat(agent.waitFor(10, TimeUnit.SECONDS)).isTrue();
      }
      link.restore();
      long lastRunStartedAt = System.currentTimeMillis();
      Process last = start(config, "last");
      try {
        Map<Long, WindowSummary> bySequence = new TreeMap<>();
        // The backlog drains first (oldest first); the last run then keeps adding live windows.
        // Collect until it has sent at least a few seconds' worth of its own.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int liveWindows = 0;
        while (System.nanoTime() < deadline && liveWindows < 12) {
          var message = listener.next(Duration.ofMillis(200));
          if (message == null) {
            continue;
          }
          var summary = WindowSummary.parseFrom(message.payload());
          var earlier = bySequence.putIfAbsent(summary.getHeader().getSequence(), summary);
          assertThat(earlier == null || earlier.equals(summary))
              .as("one message per sequence number")
              .isTrue();
          if (earlier == null && summary.getWindowStartMs() >= lastRunStartedAt) {
            liveWindows++;
          }
        }
        List<Long> starts = new ArrayList<>();
        bySequence.values().forEach(s -> starts.add(s.getWindowStartMs()));
        List<List<Long>> runs = splitIntoRuns(starts);

        assertThat(liveWindows)
            .as("the last run went live after draining the backlog")
            .isEqualTo(12);
        assertThat(runs.size()).as("runs that produced windows").isGreaterThanOrEqualTo(KILLS / 2);
        for (List<Long> run : runs) {
          for (int i = 1; i < run.size(); i++) {
            assertThat(run.get(i) - run.get(i - 1))
                .as("no window lost inside a run")
                .isEqualTo(WINDOW_MS);
          }
        }
      } finally {
        last.destroy();
        last.waitFor(15, TimeUnit.SECONDS);
      }
    }
  }

  /** Window starts in sequence order, split where the agent was dead (a jump in event time). */
  private static List<List<Long>> splitIntoRuns(List<Long> starts) {
    List<List<Long>> runs = new ArrayList<>();
    List<Long> run = new ArrayList<>();
    for (long start : starts) {
      if (!run.isEmpty() && start - run.get(run.size() - 1) != WINDOW_MS) {
        runs.add(run);
        run = new ArrayList<>();
      }
      run.add(start);
    }
    if (!run.isEmpty()) {
      runs.add(run);
    }
    return runs;
  }

  private Process start(Path config, String name) throws Exception {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx64m",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            AgentMain.class.getName(),
            config.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile())
        .start();
  }
}
