package dev.tandem.protocol.update;

import dev.tandem.protocol.ProtocolErrorCode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a device refused, failed or reverted a model update. The {@link #code()} is the stable, wire
 * form: an {@code UpdateStepReport.reason} is {@code code} or {@code code: detail} (see {@link
 * #reportText} and {@link #ofReport}). Never rename a code: rollout engines and operators match on
 * it.
 */
public enum UpdateFailureReason {
  /** The desired-state payload is not a valid {@code DesiredState} for this device. */
  PAYLOAD_MALFORMED,
  /** Signed metadata that does not parse, has the wrong type or an unsupported spec version. */
  METADATA_MALFORMED,
  /** A signature by a trusted key does not verify. */
  SIGNATURE_INVALID,
  /** Fewer distinct trusted keys signed than the role's threshold. */
  SIGNATURES_BELOW_THRESHOLD,
  /** Only keys the role does not trust signed. */
  UNKNOWN_KEY,
  /** The targets metadata or the trusted root has expired. */
  METADATA_EXPIRED,
  /** The targets metadata is older than the version this device has already seen. */
  METADATA_ROLLBACK,
  /** A new root is not signed by the threshold of both the trusted root and itself. */
  ROOT_ROTATION_UNSIGNED,
  /**
   * The desired target is not in the signed targets, or names another model, version or variant.
   */
  TARGET_MISMATCH,
  /** The artifact's sha256 differs from the signed hash. */
  HASH_MISMATCH,
  /** The artifact is shorter than its signed length. */
  LENGTH_MISMATCH,
  /** The server sent (or announced) more bytes than the signed length; the download was cut. */
  DOWNLOAD_TOO_LARGE,
  /** The download did not finish within its time limit. */
  DOWNLOAD_TIMEOUT,
  /** The download failed for another reason (HTTP status, connection) after every retry. */
  DOWNLOAD_FAILED,
  /** The artifact could not be loaded by the model runtime. */
  MODEL_LOAD_FAILED,
  /**
   * The staged model gave non-finite or wrongly shaped outputs, or was too slow, on recent inputs.
   */
  HEALTH_CHECK_FAILED,
  /** The active model threw during inference more often than the probation allows. */
  RUNTIME_CRASHED,
  /** The active model produced non-finite outputs more often than the probation allows. */
  OUTPUT_INVALID,
  /** The device could not write the model store or its trusted state. */
  STORAGE_FAILED;

  /** The wire form, e.g. {@code signature_invalid}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The report text {@code code: detail}, or just the code when {@code detail} is blank. */
  public String reportText(String detail) {
    return detail == null || detail.isBlank() ? code() : code() + ": " + detail;
  }

  /** The reason whose code is {@code code}, if any. */
  public static Optional<UpdateFailureReason> ofCode(String code) {
    Objects.requireNonNull(code, "code");
    return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
  }

  /** The reason a report text starts with ({@code code} or {@code code: detail}), if any. */
  public static Optional<UpdateFailureReason> ofReport(String reason) {
    Objects.requireNonNull(reason, "reason");
    int colon = reason.indexOf(':');
    return ofCode(colon < 0 ? reason.trim() : reason.substring(0, colon).trim());
  }

  /** The reason a device reports when the protocol refuses metadata, a payload or an artifact. */
  public static UpdateFailureReason of(ProtocolErrorCode code) {
    return switch (Objects.requireNonNull(code, "code")) {
      case BAD_SIGNATURE -> SIGNATURE_INVALID;
      case THRESHOLD_NOT_MET -> SIGNATURES_BELOW_THRESHOLD;
      case UNKNOWN_KEY -> UNKNOWN_KEY;
      case EXPIRED -> METADATA_EXPIRED;
      case ROLLBACK -> METADATA_ROLLBACK;
      case ROOT_ROTATION_UNTRUSTED -> ROOT_ROTATION_UNSIGNED;
      case UNKNOWN_TARGET -> TARGET_MISMATCH;
      case LENGTH_MISMATCH -> LENGTH_MISMATCH;
      case HASH_MISMATCH -> HASH_MISMATCH;
      case MALFORMED_PAYLOAD,
              MISSING_HEADER,
              INVALID_HEADER,
              UNSUPPORTED_SCHEMA_VERSION,
              DEVICE_ID_MISMATCH,
              INVALID_DEVICE_ID,
              MALFORMED_TOPIC,
              UNKNOWN_TOPIC_KIND,
              INVALID_SHARE_GROUP ->
          PAYLOAD_MALFORMED;
      case NON_CANONICAL_JSON,
              MALFORMED_METADATA,
              WRONG_TYPE,
              UNSUPPORTED_SPEC_VERSION,
              INVALID_KEY,
              SIGNING_FAILED ->
          METADATA_MALFORMED;
    };
  }
}
