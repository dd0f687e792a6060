package dev.tandem.sandbox.config;

import dev.tandem.servers.stack.StackSpec;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A validated sandbox configuration.
 *
 * @param dataDir where embedded servers keep their data
 * @param stack which servers to run and where
 * @param registryPort HTTP port of the control plane; 0 for a free one
 * @param fleetDevices simulated edge agents started with the platform; 0 for none
 * @param ingestPort metrics and health port of the ingest process; 0 for a free one
 */
public record SandboxConfig(
    Path dataDir, StackSpec stack, int registryPort, int fleetDevices, int ingestPort) {
  /** The small fleet the sandbox runs unless told otherwise. */
  public static final int SANDBOX_FLEET_DEVICES = 3;

  /** The control plane's port in the sandbox: 8080 moved into the sandbox's 1xxxx range. */
  public static final int SANDBOX_REGISTRY_PORT = 18080;

  /** The ingest process's metrics port in the sandbox: Prometheus' 9464 in the 1xxxx range. */
  public static final int SANDBOX_INGEST_PORT = 19464;

  public SandboxConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(stack, "stack");
    if (fleetDevices < 0 || fleetDevices > 10_000) {
      throw new IllegalArgumentException("fleet.devices must be 0-10000, got " + fleetDevices);
    }
    if (registryPort < 0 || registryPort > 65535) {
      throw new IllegalArgumentException("registry.port out of range: " + registryPort);
    }
    if (ingestPort < 0 || ingestPort > 65535) {
      throw new IllegalArgumentException("ingest.port out of range: " + ingestPort);
    }
  }
}
