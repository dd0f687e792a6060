package dev.tandem.sandbox.fleet;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Devices a rollout can reach: enrolled in the device registry first (so the control plane accepts
 * their state reports), then started as real edge agents that log in to the broker with the MQTT
 * credentials their enrollment gave, stream their sensors and take model updates with the root
 * metadata the control plane signs pinned.
 *
 * <p>Starting again on the same data directory works: a device the registry knows already gets new
 * credentials instead of a second enrollment ({@link Enroller#enrollOrRenew}), so no secret is kept
 * on disk, and its update client keeps the models and trusted metadata it has.
 */
public final class EnrolledFleet implements AutoCloseable {
  private final List<String> ids;
  private final String hardwareClass;
  private final String group;
  private final UpdateContext context;
  private final FleetSimulator simulator;

  private EnrolledFleet(
      List<String> ids,
      String hardwareClass,
      String group,
      UpdateContext context,
      FleetSimulator simulator) {
    this.ids = ids;
    this.hardwareClass = hardwareClass;
    this.group = group;
    this.context = context;
    this.simulator = simulator;
  }

  /**
   * Enrolls (or renews) {@code spec.devices()} devices of {@code hardwareClass} in {@code group}
   * and starts them.
   *
   * @param admin a client with an operator (or admin) token
   * @throws IllegalStateException naming the first enrollment the control plane refused
   */
  public static EnrolledFleet start(
      RegistryApi admin, FleetSpec spec, String hardwareClass, String group, PrintStream progress)
      throws IOException, InterruptedException {
    List<String> ids = new ArrayList<>(spec.devices());
    for (int i = 0; i < spec.devices(); i++) {
      ids.add(spec.deviceId(i));
    }
    List<DeviceEnrollment> enrolled =
        new Enroller(admin, 4, progress).enrollOrRenew(ids, hardwareClass, group);
    // Every device pins the root its enrollment answered (the same for all of them here).
    Files.createDirectories(spec.dataDir());
    Path root = spec.dataDir().resolve("root.json");
    Files.write(root, enrolled.get(0).rootMetadata());
    UpdateContext context = UpdateContext.create(InstantSource.system(), 2);
    try {
      var updates = new FleetUpdates(root, new EdgeModelRuntime(), context);
      // Each logs in to the broker with the MQTT credentials its enrollment gave.
      Map<String, String> passwords = new HashMap<>();
      for (DeviceEnrollment device : enrolled) {
        passwords.put(device.deviceId(), device.mqttPassword());
      }
      var simulator =
          FleetSimulator.start(spec, InstantSource.system(), n -> {}, updates, passwords);
      return new EnrolledFleet(List.copyOf(ids), hardwareClass, group, context, simulator);
    } catch (RuntimeException e) {
      context.close();
      throw e;
    }
  }

  public List<String> ids() {
    return ids;
  }

  public int size() {
    return ids.size();
  }

  public String hardwareClass() {
    return hardwareClass;
  }

  public String group() {
    return group;
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
