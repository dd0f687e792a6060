package dev.tandem.ingest.app;

import dev.tandem.ingest.bridge.Bridge;
import dev.tandem.ingest.bridge.BridgeListener;
import dev.tandem.ingest.lake.LakeWriter;
import dev.tandem.ingest.lake.store.LakeStoreException;
import dev.tandem.ingest.ops.OpsServer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A running ingest process: its bridge, its lake writer and its operations endpoint. Closing stops
 * the bridge first (draining it), then the lake writer (flushing and committing what it holds).
 */
public final class IngestService implements AutoCloseable {
  private final Optional<Bridge> bridge;
  private final Optional<LakeWriter> lake;
  private final OpsServer ops;

  private IngestService(Optional<Bridge> bridge, Optional<LakeWriter> lake, OpsServer ops) {
    this.bridge = bridge;
    this.lake = lake;
    this.ops = ops;
  }

  /**
   * @throws IllegalStateException if a server it needs cannot be reached
   */
  public static IngestService start(IngestConfig config) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    Optional<Bridge> bridge = Optional.empty();
    Optional<LakeWriter> lake = Optional.empty();
    try {
      bridge = config.bridge().map(c -> Bridge.start(c, registry, BridgeListener.NONE));
      lake = config.lake().map(IngestService::startLake);
      Optional<Bridge> b = bridge;
      Optional<LakeWriter> l = lake;
      OpsServer ops =
          OpsServer.start(
              config.opsHost(),
              config.opsPort(),
              () -> registry.scrape() + l.map(w -> w.metrics().prometheusText()).orElse(""),
              () -> readiness(b, l));
      return new IngestService(bridge, lake, ops);
    } catch (RuntimeException e) {
      bridge.ifPresent(Bridge::close);
      lake.ifPresent(LakeWriter::close);
      throw e;
    }
  }

  private static LakeWriter startLake(IngestConfig.Lake lake) {
    try {
      return LakeWriter.start(lake.config(), lake.store().client());
    } catch (LakeStoreException e) {
      throw new IllegalStateException(
          "cannot use the object store at " + lake.store().url() + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, Boolean> readiness(
      Optional<Bridge> bridge, Optional<LakeWriter> lake) {
    Map<String, Boolean> checks = new LinkedHashMap<>();
    bridge.ifPresent(
        b -> {
          checks.put("mqtt", b.connected());
          checks.put("kafka", b.kafkaHealthy());
        });
    lake.ifPresent(l -> checks.put("lake", l.isRunning() && l.failure().isEmpty()));
    return checks;
  }

  /** The port of the metrics and health endpoint. */
  public int opsPort() {
    return ops.port();
  }

  public Optional<Bridge> bridge() {
    return bridge;
  }

  public Optional<LakeWriter> lake() {
    return lake;
  }

  /**
   * Blocks until SIGTERM or Ctrl-C, then drains and stops this service before the JVM exits.
   *
   * @param running told once the shutdown hook is in place, so a stop from then on drains
   * @param progress told when the drain starts and when the service stopped
   */
  public void runUntilShutdown(String running, java.util.function.Consumer<String> progress)
      throws InterruptedException {
    java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  progress.accept("Draining the bridge and flushing the lake...");
                  close();
                  progress.accept("Ingest stopped.");
                  stopped.countDown();
                },
                "tandem-ingest-stop"));
    progress.accept(running);
    stopped.await();
  }

  @Override
  public void close() {
    bridge.ifPresent(Bridge::close);
    lake.ifPresent(LakeWriter::close);
    ops.close();
  }
}
