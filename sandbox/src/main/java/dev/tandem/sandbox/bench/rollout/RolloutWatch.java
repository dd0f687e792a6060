package dev.tandem.sandbox.bench.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.trainer.registry.RegistryApi;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;

/**
 * Follows a rollout through {@code GET /api/v1/rollouts/{id}} until it stops moving: completed, or
 * stopped by itself or anyone. Notes when every targeted device first counted as ACTIVE.
 */
final class RolloutWatch {
  private static final Set<String> SETTLED =
      Set.of("COMPLETED", "PAUSED", "FAILED", "ABORTED", "ROLLING_BACK", "ROLLED_BACK");
  private static final long POLL_MILLIS = 250;

  /**
   * What the watch saw.
   *
   * @param last the rollout as last read
   * @param allActiveNanos {@link System#nanoTime} when ACTIVE first covered every device; 0 if
   *     never
   * @param settledNanos when the rollout was first seen settled; 0 on timeout
   */
  record Outcome(JsonNode last, long allActiveNanos, long settledNanos) {}

  private final RegistryApi viewer;
  private final PrintStream log;

  RolloutWatch(RegistryApi viewer, PrintStream log) {
    this.viewer = viewer;
    this.log = log;
  }

  Outcome follow(String id, int devices, Duration timeout, SimulatedFleet fleet)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    long allActive = 0;
    long lastPrint = 0;
    JsonNode rollout = viewer.get("/api/v1/rollouts/" + id);
    while (true) {
      long now = System.nanoTime();
      int active = rollout.path("devicesByState").path("ACTIVE").asInt();
      if (allActive == 0 && active >= devices) {
        allActive = now;
      }
      String state = rollout.path("state").asText();
      if (now - lastPrint >= 2_000_000_000L || SETTLED.contains(state)) {
        log.printf(
            "  %5.1f s  %-9s wave %d  active %d/%d  failed (device side) %d%n",
            (now - start) / 1e9,
            state,
            rollout.path("currentWave").asInt(),
            active,
            devices,
            fleet.failedReports());
        lastPrint = now;
      }
      if (SETTLED.contains(state)) {
        return new Outcome(rollout, allActive, now);
      }
      if (now > deadline) {
        return new Outcome(rollout, allActive, 0);
      }
      Thread.sleep(POLL_MILLIS);
      rollout = viewer.get("/api/v1/rollouts/" + id);
    }
  }
}
