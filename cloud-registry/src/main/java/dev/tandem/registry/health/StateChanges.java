package dev.tandem.registry.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Logs when a readiness check changes state, so that a dependency going down shows in the log once,
 * with its reason, and not at every probe.
 */
@ApplicationScoped
public class StateChanges {
  private static final Logger LOG = Logger.getLogger(StateChanges.class);

  private final Map<String, Boolean> lastUp = new ConcurrentHashMap<>();

  /** Records that {@code check} is up. */
  public void up(String check, String detail) {
    Boolean before = lastUp.put(check, true);
    if (before == null || !before) {
      LOG.infof("readiness: %s is UP (%s)", check, detail);
    }
  }

  /** Records that {@code check} is down, for {@code reason}. */
  public void down(String check, String endpoint, String reason) {
    Boolean before = lastUp.put(check, false);
    if (before == null || before) {
      LOG.warnf("readiness: %s at %s is DOWN: %s", check, endpoint, reason);
    }
  }
}
