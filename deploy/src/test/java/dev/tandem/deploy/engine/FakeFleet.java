package dev.tandem.deploy.engine;

import dev.tandem.deploy.port.FleetView;
import dev.tandem.deploy.port.TargetDevice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Devices with one group each; the selector is {@code group=<name>} or empty for all. */
final class FakeFleet implements FleetView {
  private record Entry(String group, TargetDevice device) {}

  private final Map<String, Entry> devices = new LinkedHashMap<>();

  FakeFleet add(String group, String hardwareClass, int count, String prefix, String version) {
    for (int i = 0; i < count; i++) {
      String id = String.format("%s-%05d", prefix, i);
      devices.put(id, new Entry(group, new TargetDevice(id, hardwareClass, version, version)));
    }
    return this;
  }

  @Override
  public List<TargetDevice> select(String selector, String model) {
    if (selector.contains("!")) {
      throw new IllegalArgumentException("bad selector at 1");
    }
    List<TargetDevice> out = new ArrayList<>();
    for (Entry e : devices.values()) {
      if (selector.isEmpty() || selector.equals("group=" + e.group())) {
        out.add(e.device());
      }
    }
    return out;
  }
}
