package dev.tandem.sandbox.config;

import dev.tandem.servers.stack.StackSpec;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A validated sandbox configuration.
 *
 * @param dataDir where embedded servers keep their data
 * @param stack which servers to run and where
 */
public record SandboxConfig(Path dataDir, StackSpec stack) {
  public SandboxConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(stack, "stack");
  }
}
