package dev.tandem.edge.outbox;

import dev.tandem.edge.files.DurableFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * {@code outbox.meta}: the highest sequence number handed out, so sequences stay monotonic when
 * every record was acknowledged and deleted. Layout: magic {@code TDMT}, version, {@code long
 * lastSequence}, CRC32C of the preceding 16 bytes. Replaced atomically.
 */
final class MetaFile {
  static final String NAME = "outbox.meta";
  static final int BYTES = 20;
  private static final int MAGIC = 0x54444D54;
  private static final int VERSION = 1;

  private MetaFile() {}

  /** The recorded last sequence; 0 if the file is missing or damaged (segments then decide). */
  static long read(Path directory) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(directory.resolve(NAME));
    } catch (NoSuchFileException e) {
      return 0;
    }
    if (bytes.length != BYTES) {
      return 0;
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, 16);
    if (buffer.getInt(0) != MAGIC
        || buffer.getInt(4) != VERSION
        || buffer.getInt(16) != (int) crc.getValue()) {
      return 0;
    }
    return buffer.getLong(8);
  }

  static void write(Path directory, long lastSequence, boolean sync) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(BYTES);
    buffer.putInt(MAGIC).putInt(VERSION).putLong(lastSequence);
    CRC32C crc = new CRC32C();
    crc.update(buffer.array(), 0, 16);
    buffer.putInt((int) crc.getValue()).flip();
    DurableFiles.replace(directory.resolve(NAME), buffer, sync);
  }
}
