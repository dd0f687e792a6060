package dev.tandem.trainer.registry;

/** The control plane answered with an error status. */
public final class RegistryException extends IllegalStateException {
  private final int status;
  private final String code;

  public RegistryException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The API's error code ({@code ALREADY_EXISTS}, ...), or {@code ?} without a JSON body. */
  public String code() {
    return code;
  }

  /** 5xx and 429: the same request may succeed later. */
  public boolean retriable() {
    return status >= 500 || status == 429;
  }
}
