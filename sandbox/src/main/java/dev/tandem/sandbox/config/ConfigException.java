package dev.tandem.sandbox.config;

/** A configuration value is missing, unknown or malformed; the message names the key. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
