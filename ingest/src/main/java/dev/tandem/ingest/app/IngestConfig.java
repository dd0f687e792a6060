package dev.tandem.ingest.app;

import dev.tandem.ingest.bridge.BridgeConfig;
import java.util.Objects;
import java.util.Optional;

/**
 * The ingest process's configuration.
 *
 * @param bridge the MQTT to Kafka bridge, if this process runs one
 * @param opsHost where the metrics and health endpoint listens
 * @param opsPort its port; 0 picks a free one
 */
public record IngestConfig(Optional<BridgeConfig> bridge, String opsHost, int opsPort) {
  public IngestConfig {
    Objects.requireNonNull(bridge, "bridge");
    Objects.requireNonNull(opsHost, "opsHost");
    if (opsPort < 0 || opsPort > 65_535) {
      throw new IllegalArgumentException("must be 0..65535: " + opsPort);
    }
  }
}
