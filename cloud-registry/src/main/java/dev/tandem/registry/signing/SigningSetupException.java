package dev.tandem.registry.signing;

/** The signing configuration cannot be used; the message names the configuration key to fix. */
public class SigningSetupException extends RuntimeException {

  public SigningSetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
