package dev.tandem.ingest.lake.store;

import java.util.List;
import java.util.Objects;

/**
 * What one Kafka partition of one dataset has committed to the lake: every record below {@code
 * nextOffset} is in a data file (or was a duplicate or undecodable), and {@code devices} is the
 * deduplication state after those records. Written after the data files; its write is the commit.
 *
 * @param dataset table name
 * @param topic Kafka topic
 * @param partition Kafka partition
 * @param nextOffset the first offset not yet in the lake
 * @param writtenAtMs when it was written, epoch milliseconds
 * @param devices deduplication state per device
 */
public record Checkpoint(
    String dataset,
    String topic,
    int partition,
    long nextOffset,
    long writtenAtMs,
    List<DeviceWindow> devices) {
  public Checkpoint {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(topic, "topic");
    if (nextOffset < 0) {
      throw new IllegalArgumentException("checkpoint nextOffset must be >= 0, got " + nextOffset);
    }
    devices = List.copyOf(devices);
  }

  /**
   * One device's deduplication window.
   *
   * @param deviceId device id
   * @param window sequences the bits cover
   * @param high highest sequence seen
   * @param bits Base64 ring of seen bits, see {@code SequenceWindow}
   */
  public record DeviceWindow(String deviceId, int window, long high, String bits) {}
}
