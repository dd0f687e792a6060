package dev.tandem.ingest.app;

import dev.tandem.config.ConfigError;
import java.nio.file.Path;

/**
 * The ingest entry point without the launcher: {@code java -cp <ingest jars>
 * dev.tandem.ingest.app.IngestMain ingest.yaml}. Runs until SIGTERM or Ctrl-C, then drains. Exit
 * status 2 for a bad configuration (one line naming the key), 3 if a server cannot be reached.
 */
public final class IngestMain {
  private IngestMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 1) {
      System.err.println("usage: IngestMain CONFIG.yaml");
      System.exit(2);
    }
    IngestService service;
    try {
      service = IngestService.start(IngestConfigReader.read(Path.of(args[0])));
    } catch (ConfigError e) {
      System.err.println("tandem ingest: configuration error: " + e.getMessage());
      System.exit(2);
      return;
    } catch (IllegalStateException e) {
      System.err.println("tandem ingest: cannot start: " + e.getMessage());
      System.exit(3);
      return;
    }
    service.runUntilShutdown(
        "ingest running; metrics and health on port " + service.opsPort(), System.out::println);
  }
}
