package dev.tandem.sandbox.run;

import dev.tandem.servers.ServerStartException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends what the in-process ingest logs (bridge and lake writer, through {@code java.util.logging})
 * to {@code logs/ingest.log} in the data directory instead of the console, where the sandbox prints
 * its own progress; the control plane's log sits beside it.
 */
final class IngestLog implements AutoCloseable {
  private static final String INGEST_LOGGERS = "dev.tandem.ingest";

  // JUL keeps loggers weakly: holding it keeps the handler in place.
  private final Logger logger = Logger.getLogger(INGEST_LOGGERS);
  private final Handler handler;
  private final Path file;

  private IngestLog(Path file, Handler handler) {
    this.file = file;
    this.handler = handler;
    logger.addHandler(handler);
    logger.setUseParentHandlers(false);
  }

  /**
   * Starts appending to {@code file}.
   *
   * @throws ServerStartException if the file cannot be opened
   */
  static IngestLog open(Path file) {
    try {
      Files.createDirectories(file.getParent());
      var handler = new FileHandler(file.toString(), true);
      handler.setFormatter(new SimpleFormatter());
      return new IngestLog(file, handler);
    } catch (IOException e) {
      throw new ServerStartException(
          "ingest: cannot open its log " + file + ": " + e.getMessage(), e);
    }
  }

  Path file() {
    return file;
  }

  /** Gives the console back to the ingest loggers and closes the file. */
  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setUseParentHandlers(true);
    handler.close();
  }
}
