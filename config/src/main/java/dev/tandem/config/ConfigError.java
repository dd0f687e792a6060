package dev.tandem.config;

/** The configuration is invalid; the message starts with the offending key path. */
public final class ConfigError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigError(String path, String problem) {
    super(path + ": " + problem);
  }
}
