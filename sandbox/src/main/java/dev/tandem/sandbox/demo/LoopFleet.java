package dev.tandem.sandbox.demo;

import dev.tandem.edge.fleet.FleetSimulator;
import dev.tandem.edge.fleet.FleetSpec;
import dev.tandem.edge.fleet.FleetUpdates;
import dev.tandem.edge.model.EdgeModelRuntime;
import dev.tandem.edge.update.UpdateContext;
import dev.tandem.sandbox.registry.DeviceEnrollment;
import dev.tandem.sandbox.registry.Enroller;
import dev.tandem.trainer.registry.RegistryApi;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The devices a rollout reaches in the demo: enrolled in the device registry first (so the control
 * plane accepts their state reports), then started as real edge agents that stream their sensors
 * and take model updates with the root metadata the control plane signs pinned.
 */
final class LoopFleet implements AutoCloseable {
  private final List<String> ids;
  private final UpdateContext context;
  private final FleetSimulator simulator;

  private LoopFleet(List<String> ids, UpdateContext context, FleetSimulator simulator) {
    this.ids = ids;
    this.context = context;
    this.simulator = simulator;
  }

  /**
   * Enrolls {@code spec.devices()} devices of {@code hardwareClass} in {@code group} and starts
   * them.
   */
  static LoopFleet start(
      RegistryApi admin, FleetSpec spec, String hardwareClass, String group, PrintStream progress)
      throws IOException, InterruptedException {
    List<String> ids = new ArrayList<>(spec.devices());
    for (int i = 0; i < spec.devices(); i++) {
      ids.add(spec.deviceId(i));
    }
    List<DeviceEnrollment> enrolled =
        new Enroller(admin, 4, progress).enroll(ids, hardwareClass, group);
    // Every device pins the root its enrollment answered (the same for all of them here).
    Files.createDirectories(spec.dataDir());
    Path root = spec.dataDir().resolve("root.json");
    Files.write(root, enrolled.get(0).rootMetadata());
    UpdateContext context = UpdateContext.create(InstantSource.system(), 2);
    try {
      var updates = new FleetUpdates(root, new EdgeModelRuntime(), context);
      var simulator = FleetSimulator.start(spec, InstantSource.system(), n -> {}, updates);
      return new LoopFleet(List.copyOf(ids), context, simulator);
    } catch (RuntimeException e) {
      context.close();
      throw e;
    }
  }

  List<String> ids() {
    return ids;
  }

  int size() {
    return ids.size();
  }

  @Override
  public void close() {
    try {
      simulator.close();
    } finally {
      context.close();
    }
  }
}
