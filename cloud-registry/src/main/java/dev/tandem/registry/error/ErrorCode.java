package dev.tandem.registry.error;

/**
 * The stable error codes of the REST API, each with the HTTP status it answers with. Clients branch
 * on {@link #code()}: it never changes once published, even if the constant is renamed.
 */
public enum ErrorCode {
  /** A request the server cannot act on, when no more precise code applies. */
  BAD_REQUEST("BAD_REQUEST", 400),
  /** The body is not well-formed JSON, or a field has the wrong type. */
  MALFORMED_REQUEST("MALFORMED_REQUEST", 400),
  /** The request is well-formed but breaks a rule: a missing field, a value out of range. */
  VALIDATION_FAILED("VALIDATION_FAILED", 400),
  /** A device selector does not parse; the message names the position. */
  INVALID_SELECTOR("INVALID_SELECTOR", 400),
  /** The uploaded bytes do not have the SHA-256 the variant declares; nothing was stored. */
  DIGEST_MISMATCH("DIGEST_MISMATCH", 400),
  /** The uploaded bytes are not as many as the variant declares; nothing was stored. */
  LENGTH_MISMATCH("LENGTH_MISMATCH", 400),
  /** The request carries no valid credentials. */
  UNAUTHORIZED("UNAUTHORIZED", 401),
  /** No enrollment token has this secret. */
  ENROLLMENT_TOKEN_UNKNOWN("ENROLLMENT_TOKEN_UNKNOWN", 401),
  /** The enrollment token's validity has ended. */
  ENROLLMENT_TOKEN_EXPIRED("ENROLLMENT_TOKEN_EXPIRED", 401),
  /** The enrollment token was revoked by an operator. */
  ENROLLMENT_TOKEN_REVOKED("ENROLLMENT_TOKEN_REVOKED", 401),
  /** The caller may not do this. */
  FORBIDDEN("FORBIDDEN", 403),
  NOT_FOUND("NOT_FOUND", 404),
  METHOD_NOT_ALLOWED("METHOD_NOT_ALLOWED", 405),
  NOT_ACCEPTABLE("NOT_ACCEPTABLE", 406),
  /** The request conflicts with the current state of the resource. */
  CONFLICT("CONFLICT", 409),
  /** The enrollment token was already exchanged; each is single-use. */
  ENROLLMENT_TOKEN_USED("ENROLLMENT_TOKEN_USED", 409),
  /** A device with the chosen id already exists. */
  DEVICE_ID_TAKEN("DEVICE_ID_TAKEN", 409),
  /** A signed target already exists at this path with another length or hash. */
  TARGET_CONFLICT("TARGET_CONFLICT", 409),
  /** Something with this name already exists, e.g. a model or a version. */
  ALREADY_EXISTS("ALREADY_EXISTS", 409),
  /** The variant's artifact has not been uploaded yet. */
  ARTIFACT_NOT_UPLOADED("ARTIFACT_NOT_UPLOADED", 409),
  /** The body is larger than this endpoint accepts. */
  PAYLOAD_TOO_LARGE("PAYLOAD_TOO_LARGE", 413),
  /** An artifact larger than {@code tandem.registry.max-artifact-size}. */
  ARTIFACT_TOO_LARGE("ARTIFACT_TOO_LARGE", 413),
  UNSUPPORTED_MEDIA_TYPE("UNSUPPORTED_MEDIA_TYPE", 415),
  /** A fault of the server; the message carries a reference to find it in the server log. */
  INTERNAL_ERROR("INTERNAL_ERROR", 500),
  /** The database cannot be reached; retrying later may succeed. */
  DATABASE_UNAVAILABLE("DATABASE_UNAVAILABLE", 503),
  /** The object store cannot be reached; retrying later may succeed. */
  OBJECT_STORE_UNAVAILABLE("OBJECT_STORE_UNAVAILABLE", 503),
  /** Any other dependency is down; retrying later may succeed. */
  SERVICE_UNAVAILABLE("SERVICE_UNAVAILABLE", 503),
  /** The signing keys needed for this change are not in the key store (or KMS); see the log. */
  SIGNING_KEYS_UNAVAILABLE("SIGNING_KEYS_UNAVAILABLE", 503);

  private final String code;
  private final int status;

  ErrorCode(String code, int status) {
    this.code = code;
    this.status = status;
  }

  /** The code as it appears in error bodies. */
  public String code() {
    return code;
  }

  /** The HTTP status this error answers with. */
  public int status() {
    return status;
  }

  /** Whether the same request may succeed later without change (a 5xx from a dependency). */
  public boolean retriable() {
    return status == 503;
  }

  /**
   * The generic code for an HTTP error status that the framework raised: {@link #BAD_REQUEST} for a
   * 4xx without a code of its own, {@link #SERVICE_UNAVAILABLE} for 503 and {@link #INTERNAL_ERROR}
   * for any other status.
   */
  public static ErrorCode forStatus(int status) {
    return switch (status) {
      case 401 -> UNAUTHORIZED;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 406 -> NOT_ACCEPTABLE;
      case 409 -> CONFLICT;
      case 413 -> PAYLOAD_TOO_LARGE;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 503 -> SERVICE_UNAVAILABLE;
      default -> status >= 400 && status < 500 ? BAD_REQUEST : INTERNAL_ERROR;
    };
  }
}
