package dev.tandem.edgemodel;

/** Constants of the file format; the layout is in {@code docs/edge-model-format.md}. */
public final class EdgeModelFormat {
  /** The first four bytes of every file: ASCII {@code TEDG}. */
  public static final byte[] MAGIC = {'T', 'E', 'D', 'G'};

  /** The format version this code writes and reads. */
  public static final int VERSION = 1;

  /** Bytes before the body: magic, version, flags, body length, body CRC32. */
  public static final int HEADER_BYTES = 16;

  /** The media type a registry may store the file under. */
  public static final String MEDIA_TYPE = "application/vnd.tandem.edge-model";

  /** The usual file name suffix. */
  public static final String FILE_SUFFIX = ".tedg";

  private EdgeModelFormat() {}
}
