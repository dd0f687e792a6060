package dev.tandem.protocol.message;

/**
 * The message schema version this code writes and the range it reads. The version is bumped only
 * for incompatible changes; adding fields or enum values does not bump it (readers skip what they
 * do not know). See docs/protocol.md.
 */
public final class SchemaVersion {

  /** The schema version written into every {@code Header} by this code. */
  public static final int SCHEMA_VERSION = 1;

  /** The oldest schema version this code still reads. */
  public static final int MIN_SUPPORTED = 1;

  private SchemaVersion() {}

  /** Returns whether a message written with {@code version} can be read by this code. */
  public static boolean isSupported(int version) {
    return version >= MIN_SUPPORTED && version <= SCHEMA_VERSION;
  }
}
