package dev.tandem.registry.signing;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Signs metadata again before it expires, every {@code tandem.signing.resign-check-interval}. */
@ApplicationScoped
public class ResignScheduler {

  private static final Logger LOG = Logger.getLogger(ResignScheduler.class);

  private final SigningService signing;

  ResignScheduler(SigningService signing) {
    this.signing = signing;
  }

  @Scheduled(
      identity = "signing-resign",
      every = "${tandem.signing.resign-check-interval:10m}",
      delayed = "${tandem.signing.resign-check-interval:10m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void resignIfDue() {
    try {
      var result = signing.resignIfDue();
      result.root().ifPresent(r -> LOG.infof("signing: re-signed root as version %d", r.version()));
      result
          .targets()
          .ifPresent(t -> LOG.infof("signing: re-signed targets as version %d", t.version()));
    } catch (RuntimeException e) {
      // The next run tries again; the documents are still valid until their margin is used up.
      LOG.errorf(e, "signing: re-signing failed");
    }
  }
}
