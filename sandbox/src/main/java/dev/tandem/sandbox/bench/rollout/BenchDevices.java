package dev.tandem.sandbox.bench.rollout;

import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's device ids and group: the same in the benchmark and in the fleet's own JVM, which
 * only gets the count.
 */
final class BenchDevices {
  static final String GROUP = "rollout-bench";

  private BenchDevices() {}

  /** Ids of devices {@code 0..count-1}, in order. */
  static List<String> ids(int count) {
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(deviceId(i));
    }
    return ids;
  }

  /** The id of device {@code index}. */
  static String deviceId(int index) {
    return "rb-%05d".formatted(index);
  }

  /** The index of the device with this id, its place in {@link #ids}. */
  static int index(String deviceId) {
    return Integer.parseInt(deviceId.substring(3));
  }
}
