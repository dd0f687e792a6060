package dev.tandem.ingest.app;

import dev.tandem.ingest.bridge.Bridge;
import dev.tandem.ingest.bridge.BridgeListener;
import dev.tandem.ingest.ops.OpsServer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A running ingest process: its bridge and its operations endpoint. Closing drains and stops. */
public final class IngestService implements AutoCloseable {
  private final Optional<Bridge> bridge;
  private final OpsServer ops;

  private IngestService(Optional<Bridge> bridge, OpsServer ops) {
    this.bridge = bridge;
    this.ops = ops;
  }

  /**
   * @throws IllegalStateException if a server it needs cannot be reached
   */
  public static IngestService start(IngestConfig config) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    Optional<Bridge> bridge =
        config.bridge().map(c -> Bridge.start(c, registry, BridgeListener.NONE));
    OpsServer ops;
    try {
      ops = OpsServer.start(config.opsHost(), config.opsPort(), registry, () -> readiness(bridge));
    } catch (RuntimeException e) {
      bridge.ifPresent(Bridge::close);
      throw e;
    }
    return new IngestService(bridge, ops);
  }

  private static Map<String, Boolean> readiness(Optional<Bridge> bridge) {
    Map<String, Boolean> checks = new LinkedHashMap<>();
    bridge.ifPresent(
        b -> {
          checks.put("mqtt", b.connected());
          checks.put("kafka", b.kafkaHealthy());
        });
    return checks;
  }

  /** The port of the metrics and health endpoint. */
  public int opsPort() {
    return ops.port();
  }

  public Optional<Bridge> bridge() {
    return bridge;
  }

  @Override
  public void close() {
    bridge.ifPresent(Bridge::close);
    ops.close();
  }
}
