package dev.tandem.edgemodel;

/** Why an edge model was refused. The {@link #code()} strings are stable: log and match on them. */
public enum EdgeModelError {
  /** The file does not start with the format's magic bytes. */
  BAD_MAGIC,
  /** The format version is newer (or older) than this reader understands. */
  UNSUPPORTED_VERSION,
  /** The file ends before the length its header announces. */
  TRUNCATED,
  /** Bytes follow the body the header announces. */
  TRAILING_DATA,
  /** The body's CRC32 does not match the header. */
  BAD_CHECKSUM,
  /** A size exceeds the reader's limits (file, layers, units, strings, metadata). */
  TOO_LARGE,
  /** The body's own structure is inconsistent (a field runs past the body's end). */
  MALFORMED,
  /** Layer sizes do not chain, or do not match the model's input or output size. */
  SHAPE_MISMATCH,
  /** A weight, bias, scale or normalisation value is NaN or infinite. */
  NON_FINITE,
  /** A field holds a value outside its domain (unknown activation, zero std, reserved bits set). */
  INVALID_VALUE;

  /** The stable code, e.g. {@code edge-model.bad-checksum}. */
  public String code() {
    return "edge-model." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
