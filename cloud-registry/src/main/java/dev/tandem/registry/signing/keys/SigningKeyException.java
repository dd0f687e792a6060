package dev.tandem.registry.signing.keys;

import java.util.Objects;

/**
 * A signing key store cannot be opened, read, written or used: a wrong passphrase, a corrupt or
 * missing file, a missing key. The message names the file; {@link #reason()} tells which setting to
 * fix.
 */
public class SigningKeyException extends RuntimeException {

  /** Why the key store failed. */
  public enum Reason {
    /** The key store file does not exist. */
    MISSING_FILE,
    /** The file exists but is not a readable key store of a supported format. */
    MALFORMED,
    /** The passphrase opens none of the keys. */
    WRONG_PASSPHRASE,
    /** Some keys open and others do not, or a key does not match its public key. */
    CORRUPT,
    /** The backend does not hold a key it was asked for. */
    MISSING_KEY,
    /** Reading, writing or signing failed. */
    FAILED
  }

  private final Reason reason;

  public SigningKeyException(Reason reason, String message) {
    this(reason, message, null);
  }

  public SigningKeyException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
