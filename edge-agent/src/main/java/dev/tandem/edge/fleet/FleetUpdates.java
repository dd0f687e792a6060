package dev.tandem.edge.fleet;

import dev.tandem.edge.model.ModelRuntime;
import dev.tandem.edge.update.UpdateContext;
import java.nio.file.Path;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Gives every simulated device an update client. All of them share {@code context} (one HTTP
 * client, one small executor), so a device adds no thread of its own for updates; each keeps its
 * models and trusted metadata in {@code <data dir>/<device id>/updates}.
 *
 * @param pinnedRoot the root metadata every device pins (the control plane's root.json)
 * @param runtime loads the models
 * @param context shared by every device's update client
 * @param brokenShare share of devices (seeded choice) whose models all answer NaN, so that they
 *     fail every health check: for rollouts that must stop themselves
 * @param seed picks the broken devices reproducibly
 */
public record FleetUpdates(
    Path pinnedRoot, ModelRuntime runtime, UpdateContext context, double brokenShare, long seed) {
  public FleetUpdates {
    Objects.requireNonNull(pinnedRoot, "pinnedRoot");
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(context, "context");
    if (!(brokenShare >= 0 && brokenShare <= 1)) {
      throw new IllegalArgumentException("brokenShare must be between 0 and 1, got " + brokenShare);
    }
  }

  /** Updates on every device, none broken. */
  public FleetUpdates(Path pinnedRoot, ModelRuntime runtime, UpdateContext context) {
    this(pinnedRoot, runtime, context, 0, 0);
  }

  /** Whether device {@code index} is one of the broken ones. */
  public boolean broken(int index) {
    return brokenShare > 0 && new SplittableRandom(seed * 7919 + index).nextDouble() < brokenShare;
  }

  /** The runtime device {@code index} loads models with. */
  public ModelRuntime runtimeFor(int index) {
    return broken(index) ? new BrokenAcceleratorRuntime(runtime) : runtime;
  }
}
