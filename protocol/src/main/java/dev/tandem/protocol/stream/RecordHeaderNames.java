package dev.tandem.protocol.stream;

/**
 * Names of the Kafka record headers the ingest bridge sets. Values are UTF-8 text; numbers are in
 * decimal, so that any consumer (kcat, a SQL engine) can read them without Tandem's code.
 */
public final class RecordHeaderNames {
  /** The device id from the message header (also the record key). */
  public static final String DEVICE_ID = "tandem.device-id";

  /** The per-device sequence number from the message header. */
  public static final String SEQUENCE = "tandem.sequence";

  /** The schema version from the message header. */
  public static final String SCHEMA_VERSION = "tandem.schema-version";

  /** The MQTT topic the message arrived on. */
  public static final String MQTT_TOPIC = "tandem.mqtt-topic";

  /** When the bridge received the message, milliseconds since the epoch. */
  public static final String RECEIVED_AT_MS = "tandem.received-at-ms";

  /** Dead letters only: the stable reason code, e.g. {@code MALFORMED_PAYLOAD}. */
  public static final String DEAD_LETTER_REASON = "tandem.dead-letter.reason";

  /** Dead letters only: a human-readable explanation of the reason. */
  public static final String DEAD_LETTER_DETAIL = "tandem.dead-letter.detail";

  /**
   * Dead letters only: the payload's size when the record holds only its first bytes (oversized
   * payloads are cut to the bridge's size limit so they always fit in Kafka).
   */
  public static final String DEAD_LETTER_ORIGINAL_SIZE = "tandem.dead-letter.original-size";

  private RecordHeaderNames() {}
}
