package dev.tandem.sandbox.nab.platform;

import dev.tandem.nab.loop.History;
import dev.tandem.protocol.stream.FleetStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The rows a model was trained on, as its lineage names them: the device's samples in Kafka, rows
 * {@code 0 .. rows-1} in the device's sequence order, and a SHA-256 over their timestamps and
 * values (big-endian {@code long} millis, then the {@code double}'s bits, per row) so the snapshot
 * can be checked when it is read again.
 *
 * @param manifest {@code kafka://tandem.samples.v1/<device>?rows=0-<rows-1>}
 * @param sha256 digest of the rows
 * @param lastTimestampMillis timestamp of the last row
 */
record RowSnapshot(String manifest, String sha256, long lastTimestampMillis) {

  static RowSnapshot of(String deviceId, History rows, int count) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    ByteBuffer row = ByteBuffer.allocate(16);
    for (int i = 0; i < count; i++) {
      row.clear();
      row.putLong(rows.timestamp(i)).putDouble(rows.value(i));
      digest.update(row.array());
    }
    return new RowSnapshot(
        "kafka://%s/%s?rows=0-%d".formatted(FleetStream.SAMPLES.kafkaTopic(), deviceId, count - 1),
        HexFormat.of().formatHex(digest.digest()),
        rows.timestamp(count - 1));
  }
}
