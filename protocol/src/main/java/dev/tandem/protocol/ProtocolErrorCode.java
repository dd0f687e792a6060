package dev.tandem.protocol;

/**
 * Stable codes for every way the protocol refuses input. Codes are part of the contract: devices
 * report them upstream and operators search for them, so never rename one.
 */
public enum ProtocolErrorCode {
  // Messages
  /** The bytes are not a valid protobuf encoding of the expected message. */
  MALFORMED_PAYLOAD,
  /** The message has no {@code header}. */
  MISSING_HEADER,
  /** A header field is missing or out of range (sequence, timestamp). */
  INVALID_HEADER,
  /** The header's schema version is not one this reader understands. */
  UNSUPPORTED_SCHEMA_VERSION,
  /** The header's device id differs from the device id in the topic. */
  DEVICE_ID_MISMATCH,

  // Topics
  /** A device id that is empty, too long or could escape a topic level. */
  INVALID_DEVICE_ID,
  /** A topic that is not of the form {@code fleet/{deviceId}/{kind}}. */
  MALFORMED_TOPIC,
  /** A well-formed fleet topic whose kind is not one Tandem defines. */
  UNKNOWN_TOPIC_KIND,
  /** A shared-subscription group name that could escape its topic level. */
  INVALID_SHARE_GROUP,

  // Canonical JSON
  /** JSON that cannot be canonicalized: floats, huge integers, lone surrogates, duplicate keys. */
  NON_CANONICAL_JSON,

  // Signed metadata
  /** Signed metadata that is not valid JSON or lacks or mistypes a required field. */
  MALFORMED_METADATA,
  /** Metadata of another type than expected, e.g. targets given where root is expected. */
  WRONG_TYPE,
  /** Metadata written for a TUF specification major version other than 1. */
  UNSUPPORTED_SPEC_VERSION,
  /** A signature by a trusted key that does not verify over the canonical signed bytes. */
  BAD_SIGNATURE,
  /** Fewer distinct trusted keys signed than the role's threshold requires. */
  THRESHOLD_NOT_MET,
  /** Only keys that the role does not trust signed the metadata. */
  UNKNOWN_KEY,
  /** The metadata (or the trusted root) expired. */
  EXPIRED,
  /** The metadata version is older than the version already trusted. */
  ROLLBACK,
  /** A new root is not signed by the threshold of both the trusted root and itself. */
  ROOT_ROTATION_UNTRUSTED,
  /** A public or private key that is not a valid Ed25519 key. */
  INVALID_KEY,
  /** The signing backend failed to produce a signature. */
  SIGNING_FAILED,

  // Targets
  /** The target path is not listed in the trusted targets metadata. */
  UNKNOWN_TARGET,
  /** The artifact's length differs from the signed length, or exceeds it while downloading. */
  LENGTH_MISMATCH,
  /** The artifact's sha256 differs from the signed hash. */
  HASH_MISMATCH
}
