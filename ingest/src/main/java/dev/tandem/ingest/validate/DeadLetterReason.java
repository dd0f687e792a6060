package dev.tandem.ingest.validate;

import dev.tandem.protocol.ProtocolErrorCode;

/**
 * Why a message was dead-lettered. The names are a stable contract: they are written to the {@code
 * tandem.dead-letter.reason} record header and to metrics labels, and operators alert on them.
 */
public enum DeadLetterReason {
  /** The payload exceeds the configured size limit; it was not parsed. */
  OVERSIZED,
  /** The MQTT topic is not {@code fleet/{deviceId}/{kind}} with a valid device id. */
  MALFORMED_TOPIC,
  /** The topic's kind is one the bridge does not ingest (for example a cloud-to-device topic). */
  NOT_INGESTED_TOPIC,
  /** The bytes are not a valid protobuf encoding of the topic's message type. */
  MALFORMED_PAYLOAD,
  /** The message has no header. */
  MISSING_HEADER,
  /** A header field is missing or out of range. */
  INVALID_HEADER,
  /** The header's schema version is not supported by this bridge. */
  UNSUPPORTED_SCHEMA_VERSION,
  /** The header's device id is not the topic's device id. */
  DEVICE_ID_MISMATCH,
  /** The header timestamp is too far in the future or older than the configured maximum age. */
  TIMESTAMP_OUT_OF_RANGE;

  /** Maps a protocol refusal to its dead-letter reason. */
  static DeadLetterReason of(ProtocolErrorCode code) {
    switch (code) {
      case MISSING_HEADER:
        return MISSING_HEADER;
      case INVALID_HEADER:
        return INVALID_HEADER;
      case UNSUPPORTED_SCHEMA_VERSION:
        return UNSUPPORTED_SCHEMA_VERSION;
      case DEVICE_ID_MISMATCH:
        return DEVICE_ID_MISMATCH;
      case INVALID_DEVICE_ID:
      case MALFORMED_TOPIC:
        return MALFORMED_TOPIC;
      case UNKNOWN_TOPIC_KIND:
        return NOT_INGESTED_TOPIC;
      default:
        return MALFORMED_PAYLOAD;
    }
  }
}
