package dev.tandem.sandbox.run;

import dev.tandem.sandbox.config.SandboxConfig;
import dev.tandem.servers.Directories;
import dev.tandem.servers.stack.EmbeddedPorts;
import dev.tandem.trainer.registry.RegistryApi;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A whole platform of one's own for a benchmark or a replay: every server embedded on free ports in
 * a fresh temporary folder, the control plane and ingest on them, no simulated fleet; the folder is
 * deleted on close.
 */
public final class PrivateSandbox implements AutoCloseable {
  private final Path scratch;
  private final Sandbox sandbox;

  private PrivateSandbox(Path scratch, Sandbox sandbox) {
    this.scratch = scratch;
    this.sandbox = sandbox;
  }

  /**
   * Starts one, reporting progress.
   *
   * @param prefix name prefix of the temporary folder, e.g. {@code tandem-bench-rollout-}
   * @throws dev.tandem.servers.ServerStartException if something cannot start (what did is stopped)
   */
  public static PrivateSandbox start(String prefix, PrintStream progress) throws IOException {
    return start(prefix, progress, Map.of());
  }

  /**
   * Starts one whose control plane runs with {@code registryProperties} on top of its defaults
   * (e.g. a benchmark's shorter rollout tick).
   */
  public static PrivateSandbox start(
      String prefix, PrintStream progress, Map<String, String> registryProperties)
      throws IOException {
    Path scratch = Files.createTempDirectory(prefix);
    Sandbox sandbox = null;
    try {
      SandboxConfig resolved = new ServerOptions().resolve(scratch, EmbeddedPorts.ANY, false);
      var config =
          new SandboxConfig(resolved.dataDir(), resolved.stack(), resolved.registryPort(), 0, 0);
      sandbox = Sandbox.open(config, false).withRegistryProperties(registryProperties);
      sandbox.start(progress);
      return new PrivateSandbox(scratch, sandbox);
    } catch (RuntimeException e) {
      try {
        if (sandbox != null) {
          sandbox.close();
        }
      } finally {
        Directories.deleteTree(scratch);
      }
      throw e;
    }
  }

  public Sandbox sandbox() {
    return sandbox;
  }

  /** The temporary folder, for files of the caller's own (deleted with it). */
  public Path scratch() {
    return scratch;
  }

  /** A client of the control plane's REST API with the sandbox's admin token. */
  public RegistryApi admin() {
    return sandbox.admin();
  }

  @Override
  public void close() {
    try {
      sandbox.close();
    } finally {
      Directories.deleteTree(scratch);
    }
  }
}
