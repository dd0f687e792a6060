package dev.tandem.sandbox.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.trainer.registry.RegistryApi;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;

/**
 * Follows a rollout through {@code GET /api/v1/rollouts/{id}} until it stops moving: completed, or
 * stopped by itself or anyone. Prints the current wave's progress every two seconds and notes when
 * every targeted device first counted as ACTIVE.
 */
public final class RolloutWatch {
  private static final Set<String> SETTLED =
      Set.of("COMPLETED", "PAUSED", "FAILED", "ABORTED", "ROLLING_BACK", "ROLLED_BACK");
  private static final Set<String> FAILED = Set.of("FAILED", "REVERTED", "TIMED_OUT", "RETRY_WAIT");
  private static final long POLL_MILLIS = 250;

  /**
   * What the watch saw.
   *
   * @param last the rollout as last read
   * @param allActiveNanos {@link System#nanoTime} when ACTIVE first covered every device; 0 if
   *     never
   * @param settledNanos when the rollout was first seen settled; 0 on timeout
   */
  public record Outcome(JsonNode last, long allActiveNanos, long settledNanos) {
    public boolean settled() {
      return settledNanos != 0;
    }

    public String state() {
      return last.path("state").asText();
    }
  }

  private final RegistryApi viewer;
  private final PrintStream log;

  public RolloutWatch(RegistryApi viewer, PrintStream log) {
    this.viewer = viewer;
    this.log = log;
  }

  /** Follows rollout {@code id} of {@code devices} devices until it settles or {@code timeout}. */
  public Outcome follow(String id, int devices, Duration timeout)
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
        print(rollout, (now - start) / 1e9, active, devices);
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

  private void print(JsonNode rollout, double seconds, int active, int devices) {
    int current = rollout.path("currentWave").asInt();
    JsonNode waves = rollout.path("waves");
    JsonNode wave = waves.path(Math.max(current - 1, 0));
    int failed = 0;
    for (String state : FAILED) {
      failed += rollout.path("devicesByState").path(state).asInt();
    }
    log.printf(
        "  %5.1f s  %-9s wave %d/%d %-8s (%d devices)  active %d/%d  failed %d%n",
        seconds,
        rollout.path("state").asText(),
        current,
        waves.size(),
        wave.path("phase").asText(),
        wave.path("size").asInt(),
        active,
        devices,
        failed);
  }
}
