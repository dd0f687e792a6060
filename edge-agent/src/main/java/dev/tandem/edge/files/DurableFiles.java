package dev.tandem.edge.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Small file operations the outbox and the model store need to be crash-safe. */
public final class DurableFiles {
  public static final String TEMP_SUFFIX = ".tmp";

  private DurableFiles() {}

  /**
   * Replaces {@code target} with {@code content} atomically: written to a temporary file, forced
   * when {@code sync}, then renamed over the target. A crash leaves the old or the new content.
   */
  public static void replace(Path target, ByteBuffer content, boolean sync) throws IOException {
    Path temp = target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
    try (FileChannel out =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      writeFully(out, content, 0);
      if (sync) {
        out.force(false); // data and the size: all a reader after a crash needs
      }
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    if (sync) {
      syncDirectory(target.getParent());
    }
  }

  /** Writes all of {@code content} at {@code position}. */
  public static void writeFully(FileChannel channel, ByteBuffer content, long position)
      throws IOException {
    long at = position;
    while (content.hasRemaining()) {
      at += channel.write(content, at);
    }
  }

  /** Forces a directory's entries (new, renamed, deleted files); a no-op where unsupported. */
  public static void syncDirectory(Path directory) {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some platforms cannot open or force a directory; the rename itself is still atomic.
    }
  }

  /** {@link #replace} with the content forced to disk: a crash or power loss leaves old or new. */
  public static void replace(Path target, byte[] content) throws IOException {
    replace(target, ByteBuffer.wrap(content), true);
  }
}
