package dev.tandem.ingest.lake.dataset;

import dev.tandem.protocol.v1.Header;
import java.util.List;

/**
 * One Kafka record value, decoded and flattened.
 *
 * @param deviceId the header's device id
 * @param sequence the header's per-device sequence, the deduplication key with the device id
 * @param eventTimeMs the header's timestamp, which picks the date/hour partition
 * @param rows the table rows, possibly none (a sample batch without readings)
 */
public record DecodedMessage(
    String deviceId, long sequence, long eventTimeMs, List<Object[]> rows) {
  public DecodedMessage {
    rows = List.copyOf(rows);
  }

  /** The rows of a message with {@code header}. */
  static DecodedMessage of(Header header, List<Object[]> rows) {
    return new DecodedMessage(
        header.getDeviceId(), header.getSequence(), header.getTimestampMs(), rows);
  }
}
