package dev.tandem.registry.fleet;

import java.util.List;

/**
 * Counts over the active devices.
 *
 * @param devices every active device
 * @param byHardwareClass per hardware class
 * @param byModel per model that any device should run or runs
 */
public record FleetSummary(
    Counts devices, List<ClassCounts> byHardwareClass, List<ModelCounts> byModel) {

  /**
   * @param total devices
   * @param online reporting as connected
   * @param offline not connected (or never reported)
   * @param drifted running any desired model at another version, or not at all
   */
  public record Counts(long total, long online, long offline, long drifted) {}

  /** Counts of one hardware class. */
  public record ClassCounts(String hardwareClass, Counts counts) {}

  /**
   * Counts of one model.
   *
   * @param model the model name
   * @param desired devices that should run it
   * @param running devices that report running it (any version)
   * @param counts over the devices that should run it or run it; drifted: should run it but do not
   *     run the desired version
   */
  public record ModelCounts(String model, long desired, long running, Counts counts) {}
}
