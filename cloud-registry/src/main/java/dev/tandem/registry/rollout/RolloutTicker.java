package dev.tandem.registry.rollout;

import dev.tandem.deploy.engine.RolloutEngine;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Ticks the engine every {@code tandem.rollouts.tick-interval}; a slow tick skips the next. */
@ApplicationScoped
public class RolloutTicker {
  private static final Logger LOG = Logger.getLogger(RolloutTicker.class);

  private final RolloutService service;
  private final MeterRegistry meters;

  RolloutTicker(RolloutService service, MeterRegistry meters) {
    this.service = service;
    this.meters = meters;
  }

  @Scheduled(
      every = "${tandem.rollouts.tick-interval:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = NotStarted.class)
  void tick() {
    long start = System.nanoTime();
    RolloutEngine.TickStats stats = service.engine().tick();
    long micros = (System.nanoTime() - start) / 1000;
    meters.timer("tandem.rollouts.tick").record(java.time.Duration.ofNanos(micros * 1000));
    if (stats.published() > 0 || stats.failedRollouts() > 0) {
      LOG.infof(
          "rollouts: tick applied %d reports, published %d desired states, %d rollouts driven,"
              + " %d failed (retried) in %d ms",
          stats.reportsApplied(),
          stats.published(),
          stats.rollouts(),
          stats.failedRollouts(),
          micros / 1000);
    }
  }

  /** Skips ticks until the engine has started. */
  @ApplicationScoped
  static class NotStarted implements Scheduled.SkipPredicate {
    private final RolloutService service;

    NotStarted(RolloutService service) {
      this.service = service;
    }

    @Override
    public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
      return !service.started();
    }
  }
}
