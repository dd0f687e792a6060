package dev.tandem.sandbox.bench.rollout;

import dev.tandem.edge.fleet.FleetUpdates;
import dev.tandem.edge.model.EdgeModelRuntime;
import dev.tandem.edge.update.UpdateContext;
import dev.tandem.edge.update.UpdateSettings;
import dev.tandem.protocol.signing.VerifiedSignatures;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's simulated fleet: one {@link LeanDevice} per enrolled device, all sharing one
 * update context (one HTTP client that counts what it downloads, a few worker threads), with a
 * seeded share of broken devices (see {@link FleetUpdates#broken}).
 */
final class LeanFleet implements SimulatedFleet {
  /** Connections being opened at once: the broker accepts them faster in moderate bursts. */
  private static final int CONNECTING_AT_ONCE = 256;

  /** Picks the broken devices; the same in every process, so the parent knows which they are. */
  static final long SEED = 7;

  private final List<LeanDevice> devices = new ArrayList<>();
  private final FleetProgress progress = new FleetProgress();
  private final CountingHttpClient http;
  private final ExecutorService workers;
  private final ScheduledExecutorService reportTimer;
  private final FleetUpdates updates;
  private int broken;

  private LeanFleet(
      CountingHttpClient http,
      ExecutorService workers,
      ScheduledExecutorService reportTimer,
      FleetUpdates updates) {
    this.http = http;
    this.workers = workers;
    this.reportTimer = reportTimer;
    this.updates = updates;
  }

  /**
   * Opens every device's update client and connects it to the broker.
   *
   * @param threads update-client worker threads shared by all devices
   * @param brokenShare share of devices whose models answer NaN (fail the health check)
   * @param reportWindow how long a device gathers update steps into one report (zero: one each)
   */
  static LeanFleet start(
      List<String> ids,
      URI broker,
      Path dataDir,
      Path pinnedRoot,
      int threads,
      double brokenShare,
      Duration reportWindow,
      PrintStream log)
      throws InterruptedException {
    CountingHttpClient http = new CountingHttpClient(UpdateContext.httpClient());
    ExecutorService workers =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "bench-update");
              t.setDaemon(true);
              return t;
            });
    // One process verifies what 10,000 devices would each verify on their own CPU: checks that
    // passed are shared (exact: same key, signature and bytes), so the benchmark's CPU goes to
    // the platform rather than to repeating one Ed25519 verification per device.
    UpdateContext context =
        new UpdateContext(http, workers, InstantSource.system(), VerifiedSignatures.shared(64));
    var updates = new FleetUpdates(pinnedRoot, new EdgeModelRuntime(), context, brokenShare, SEED);
    ScheduledExecutorService reportTimer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "bench-report-window");
              t.setDaemon(true);
              return t;
            });
    LeanFleet fleet = new LeanFleet(http, workers, reportTimer, updates);
    try {
      fleet.open(ids, broker, dataDir, context, reportWindow, log);
      fleet.connect(log);
      return fleet;
    } catch (RuntimeException | InterruptedException e) {
      fleet.close();
      throw e;
    }
  }

  private void open(
      List<String> ids,
      URI broker,
      Path dataDir,
      UpdateContext context,
      Duration reportWindow,
      PrintStream log) {
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      var settings = UpdateSettings.defaults(dataDir.resolve(id), updates.pinnedRoot());
      if (updates.broken(i)) {
        broken++;
      }
      devices.add(
          new LeanDevice(
              id,
              broker,
              settings,
              updates.runtimeFor(i),
              context,
              new LeanDevice.Reporting(progress, reportTimer, reportWindow)));
      if ((i + 1) % 2000 == 0) {
        log.printf("  opened %d / %d update clients%n", i + 1, ids.size());
      }
    }
  }

  private void connect(PrintStream log) throws InterruptedException {
    Semaphore slots = new Semaphore(CONNECTING_AT_ONCE);
    List<CompletableFuture<Void>> connected = new ArrayList<>(devices.size());
    for (int i = 0; i < devices.size(); i++) {
      slots.acquire();
      connected.add(devices.get(i).connect().whenComplete((ok, error) -> slots.release()));
      if ((i + 1) % 2000 == 0) {
        log.printf("  connecting %d / %d devices%n", i + 1, devices.size());
      }
    }
    CompletableFuture.allOf(connected.toArray(CompletableFuture[]::new)).join();
  }

  @Override
  public int size() {
    return devices.size();
  }

  @Override
  public int broken() {
    return broken;
  }

  @Override
  public boolean isBroken(int index) {
    return updates.broken(index);
  }

  @Override
  public long desiredReceived() {
    return progress.desired();
  }

  @Override
  public long activeReports() {
    return progress.active();
  }

  @Override
  public long failedReports() {
    return progress.failed();
  }

  @Override
  public long publishFailures() {
    return progress.publishFailures();
  }

  @Override
  public Map<String, Long> failureCodes() {
    return progress.failureCodes();
  }

  @Override
  public long downloadedBytes() {
    return http.bodyBytes();
  }

  @Override
  public long httpResponses() {
    return http.responses();
  }

  @Override
  public long cpuNanos() {
    return -1;
  }

  @Override
  public void close() {
    List<CompletableFuture<Void>> closing = new ArrayList<>();
    for (LeanDevice device : devices) {
      closing.add(device.disconnect());
    }
    try {
      CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      // Stopping anyway; the broker drops the rest.
    }
    workers.shutdown();
    reportTimer.shutdown();
  }
}
