package dev.tandem.registry.device;

import java.util.List;

/**
 * A page of devices, ordered by id.
 *
 * @param devices the devices
 * @param next the id to pass as {@code after} for the next page, or null on the last page
 */
public record DevicePage(List<Device> devices, String next) {
  public DevicePage {
    devices = List.copyOf(devices);
  }
}
