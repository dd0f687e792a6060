package dev.tandem.registry.rollout;

import dev.tandem.deploy.engine.EngineSettings;
import dev.tandem.deploy.engine.RolloutEngine;
import dev.tandem.deploy.engine.StateReport;
import dev.tandem.protocol.v1.DeviceStateReport;
import dev.tandem.protocol.v1.LinkState;
import dev.tandem.registry.error.ErrorCode;
import dev.tandem.registry.error.RegistryException;
import dev.tandem.registry.fleet.StateReportListener;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Owns the control plane's {@link RolloutEngine}: builds it over the JDBC store, the device
 * registry and the MQTT publisher, loads unfinished rollouts at start, and passes it the device
 * state reports the fleet consumer applies.
 */
@ApplicationScoped
public class RolloutService implements StateReportListener {
  private static final Logger LOG = Logger.getLogger(RolloutService.class);

  private final RolloutConfig config;
  private final MqttDesiredPublisher publisher;
  private final RolloutEngine engine;
  private volatile boolean started;

  RolloutService(
      RolloutConfig config,
      JdbcRolloutStore store,
      RegistryFleetView fleet,
      MqttDesiredPublisher publisher,
      InstantSource clock) {
    this.config = config;
    this.publisher = publisher;
    this.engine =
        new RolloutEngine(
            store,
            fleet,
            publisher,
            clock,
            new EngineSettings(config.reconcileInterval(), config.membershipInterval()),
            () -> "ro-" + UUID.randomUUID().toString().substring(0, 13).replace("-", ""));
  }

  void onStart(@Observes StartupEvent event) {
    if (!config.enabled()) {
      LOG.info("rollouts: engine disabled (tandem.rollouts.enabled=false)");
      return;
    }
    publisher.connect();
    engine.start();
    started = true;
  }

  void onStop(@Observes ShutdownEvent event) {
    started = false;
    publisher.close();
  }

  /**
   * The engine, for changes.
   *
   * @throws RegistryException with {@link ErrorCode#SERVICE_UNAVAILABLE} while it is not running
   */
  public RolloutEngine engine() {
    if (!started) {
      throw new RegistryException(
          ErrorCode.SERVICE_UNAVAILABLE,
          "the rollout engine is not running (tandem.rollouts.enabled=false, or starting)");
    }
    return engine;
  }

  /** The engine for reads, running or not. */
  RolloutEngine reader() {
    return engine;
  }

  boolean started() {
    return started;
  }

  @Override
  public void onStateReport(DeviceStateReport report, Instant receivedAt) {
    if (!started || report.getLinkState() == LinkState.LINK_STATE_OFFLINE) {
      // A last will was composed at connect time: it says nothing new about health or versions.
      return;
    }
    try {
      engine.offer(
          new StateReport(
              report.getHeader().getDeviceId(),
              report.getModelVersionsMap(),
              report.getCountersMap(),
              receivedAt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
