package dev.tandem.servers.probe;

import dev.tandem.servers.ServerKind;
import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of one probe.
 *
 * @param detail what was checked, or why it failed
 */
public record ProbeResult(ServerKind kind, boolean ok, Duration took, String detail) {
  public ProbeResult {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(took, "took");
    Objects.requireNonNull(detail, "detail");
  }
}
