package dev.tandem.ingest.lake.dedup;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Deduplication state of one Kafka partition of one dataset. The bridge keys records by device id,
 * so every message of a device arrives on one partition and this state sees all of them. At most
 * {@code maxDevices} devices are remembered; the one seen least recently is forgotten first (a
 * duplicate of its messages would then be written again). Not thread-safe: one writer thread owns
 * it.
 */
public final class PartitionDedup {
  private final int windowSize;
  private final int maxDevices;
  private final LinkedHashMap<String, SequenceWindow> devices;
  private long evicted;

  /**
   * @param windowSize sequences remembered per device below its highest (multiple of 64)
   * @param maxDevices devices remembered; memory is about {@code maxDevices * (windowSize / 8 +
   *     120)} bytes
   */
  public PartitionDedup(int windowSize, int maxDevices) {
    new SequenceWindow(windowSize); // validates the size
    if (maxDevices <= 0) {
      throw new IllegalArgumentException("max devices must be positive, got " + maxDevices);
    }
    this.windowSize = windowSize;
    this.maxDevices = maxDevices;
    this.devices =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, SequenceWindow> eldest) {
            boolean full = size() > PartitionDedup.this.maxDevices;
            if (full) {
              evicted++;
            }
            return full;
          }
        };
  }

  /** Records (device, sequence) and says whether it is new. */
  public Verdict offer(String deviceId, long sequence) {
    Objects.requireNonNull(deviceId, "deviceId");
    return devices.computeIfAbsent(deviceId, id -> new SequenceWindow(windowSize)).offer(sequence);
  }

  /**
   * Puts back a device's window read from a checkpoint. It keeps the size it was written with, so
   * that changing the configured size loses nothing already recorded.
   */
  public void restore(String deviceId, SequenceWindow window) {
    devices.put(Objects.requireNonNull(deviceId, "deviceId"), window);
  }

  /** The devices remembered, least recently seen first; read-only. */
  public Map<String, SequenceWindow> devices() {
    return Collections.unmodifiableMap(devices);
  }

  /** Window size in sequences. */
  public int windowSize() {
    return windowSize;
  }

  /** How many devices were forgotten to stay within {@code maxDevices}. */
  public long evicted() {
    return evicted;
  }
}
