package dev.tandem.servers;

/** The four servers the platform runs on. */
public enum ServerKind {
  KAFKA("kafka"),
  MQTT("mqtt"),
  S3("s3"),
  POSTGRES("postgres");

  private final String key;

  ServerKind(String key) {
    this.key = key;
  }

  /** The lower-case name used in configuration keys, flags and reports. */
  public String key() {
    return key;
  }
}
