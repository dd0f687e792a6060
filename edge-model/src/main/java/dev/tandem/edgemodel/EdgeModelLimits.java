package dev.tandem.edgemodel;

/**
 * What a reader accepts at most, so that a hostile file cannot make a device allocate more than
 * {@code maxFileBytes} plus the model itself.
 *
 * @param maxFileBytes the whole file, header included
 * @param maxLayers layers per model
 * @param maxUnits inputs or outputs of one layer
 * @param maxTextBytes UTF-8 bytes of one string (name, version, metadata key or value)
 * @param maxMetadataEntries metadata pairs
 */
public record EdgeModelLimits(
    int maxFileBytes, int maxLayers, int maxUnits, int maxTextBytes, int maxMetadataEntries) {
  /** 32 MiB, 64 layers, 65,536 units, 4 KiB strings, 64 metadata pairs. */
  public static final EdgeModelLimits DEFAULT =
      new EdgeModelLimits(32 << 20, 64, 1 << 16, 4096, 64);

  public EdgeModelLimits {
    if (maxFileBytes < EdgeModelFormat.HEADER_BYTES
        || maxLayers < 1
        || maxUnits < 1
        || maxTextBytes < 1
        || maxMetadataEntries < 0) {
      throw new IllegalArgumentException("edge model limits must be positive");
    }
  }
}
