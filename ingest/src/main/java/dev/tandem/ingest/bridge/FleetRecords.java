package dev.tandem.ingest.bridge;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tandem.ingest.validate.Verdict;
import dev.tandem.protocol.stream.FleetStream;
import dev.tandem.protocol.stream.RecordHeaderNames;
import dev.tandem.protocol.v1.Header;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

/** Builds the Kafka records of the stream contract in {@link RecordHeaderNames}. */
final class FleetRecords {
  private FleetRecords() {}

  /** A valid message: keyed by device id, the original bytes, header fields as headers. */
  static ProducerRecord<byte[], byte[]> accepted(
      Verdict.Accepted verdict, String mqttTopic, byte[] payload, long receivedAtMs) {
    Header header = verdict.header();
    byte[] deviceId = header.getDeviceId().getBytes(UTF_8);
    return new ProducerRecord<>(
        verdict.stream().kafkaTopic(),
        null,
        deviceId,
        payload,
        List.of(
            new RecordHeader(RecordHeaderNames.DEVICE_ID, deviceId),
            text(RecordHeaderNames.SEQUENCE, Long.toUnsignedString(header.getSequence())),
            text(RecordHeaderNames.SCHEMA_VERSION, Integer.toString(header.getSchemaVersion())),
            text(RecordHeaderNames.MQTT_TOPIC, mqttTopic),
            text(RecordHeaderNames.RECEIVED_AT_MS, Long.toString(receivedAtMs))));
  }

  /**
   * A dead letter: the original bytes, keyed by the MQTT topic (so one misbehaving device's letters
   * stay together), with the reason.
   */
  static ProducerRecord<byte[], byte[]> deadLetter(
      Verdict.Rejected verdict,
      String mqttTopic,
      byte[] payload,
      long receivedAtMs,
      int maxPayloadBytes) {
    String topic = truncate(mqttTopic, 1024);
    List<org.apache.kafka.common.header.Header> headers =
        new ArrayList<>(
            List.of(
                text(RecordHeaderNames.MQTT_TOPIC, topic),
                text(RecordHeaderNames.DEAD_LETTER_REASON, verdict.reason().name()),
                text(RecordHeaderNames.DEAD_LETTER_DETAIL, truncate(verdict.detail(), 1024)),
                text(RecordHeaderNames.RECEIVED_AT_MS, Long.toString(receivedAtMs))));
    byte[] kept = payload;
    if (payload.length > maxPayloadBytes) {
      kept = Arrays.copyOf(payload, maxPayloadBytes);
      headers.add(
          text(RecordHeaderNames.DEAD_LETTER_ORIGINAL_SIZE, Integer.toString(payload.length)));
    }
    return new ProducerRecord<>(
        FleetStream.DEAD_LETTER_TOPIC, null, topic.getBytes(UTF_8), kept, headers);
  }

  private static RecordHeader text(String name, String value) {
    return new RecordHeader(name, value.getBytes(UTF_8));
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }
}
