package dev.tandem.ingest.app;

import dev.tandem.ingest.bridge.BridgeConfig;
import dev.tandem.ingest.lake.LakeConfig;
import java.util.Objects;
import java.util.Optional;

/**
 * The ingest process's configuration.
 *
 * @param bridge the MQTT to Kafka bridge, if this process runs one
 * @param lake the Kafka to lake writer, if this process runs one
 * @param opsHost where the metrics and health endpoint listens
 * @param opsPort its port; 0 picks a free one
 */
public record IngestConfig(
    Optional<BridgeConfig> bridge, Optional<Lake> lake, String opsHost, int opsPort) {

  /** The lake writer's settings and its object store. */
  public record Lake(LakeConfig config, ObjectStoreSettings store) {
    public Lake {
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(store, "store");
    }
  }

  public IngestConfig {
    Objects.requireNonNull(bridge, "bridge");
    Objects.requireNonNull(lake, "lake");
    if (bridge.isEmpty() && lake.isEmpty()) {
      throw new IllegalArgumentException("needs a bridge, a lake, or both");
    }
    Objects.requireNonNull(opsHost, "opsHost");
    if (opsPort < 0 || opsPort > 65_535) {
      throw new IllegalArgumentException("must be 0..65535: " + opsPort);
    }
  }
}
