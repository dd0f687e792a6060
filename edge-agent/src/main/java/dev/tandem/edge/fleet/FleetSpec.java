package dev.tandem.edge.fleet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A simulated fleet.
 *
 * @param devices how many agents
 * @param idPrefix device ids are {@code prefix-0001}, {@code prefix-0002}, ...
 * @param brokerUri where every agent connects
 * @param dataDir each agent's outbox lives in {@code dataDir/<device id>}
 * @param window summary window length of every stream
 * @param seed makes the fleet's sensors and faults reproducible
 * @param faultsAfter each device's first injected fault comes between this and twice this after its
 *     start
 */
public record FleetSpec(
    int devices,
    String idPrefix,
    String brokerUri,
    Path dataDir,
    Duration window,
    long seed,
    Duration faultsAfter) {
  public FleetSpec {
    Objects.requireNonNull(faultsAfter, "faultsAfter");
    Objects.requireNonNull(brokerUri, "brokerUri");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(window, "window");
    if (devices < 1 || devices > 10_000) {
      throw new IllegalArgumentException("--devices must be between 1 and 10000, got " + devices);
    }
    if (!idPrefix.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,40}")) {
      throw new IllegalArgumentException(
          "device id prefix must be [A-Za-z0-9_-], got '" + idPrefix + "'");
    }
  }

  public String deviceId(int index) {
    return "%s-%04d".formatted(idPrefix, index + 1);
  }
}
