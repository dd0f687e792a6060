package dev.tandem.sandbox.run;

import dev.tandem.servers.ServerStartException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Keeps two sandboxes from running on one data directory, which would corrupt both. */
final class DataDirLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static DataDirLock acquire(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      FileChannel channel =
          FileChannel.open(
              dataDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        throw new ServerStartException(
            "data.dir: %s is in use by another running sandbox; stop it or pass --data"
                .formatted(dataDir));
      }
      return new DataDirLock(channel, lock);
    } catch (IOException e) {
      throw new ServerStartException(
          "data.dir: cannot use %s: %s".formatted(dataDir, e.getMessage()), e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // The lock goes with the process anyway.
    }
  }
}
