package dev.tandem.ingest.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A bridge in its own JVM ({@code IngestMain}), so a test can kill it with SIGKILL. */
public final class BridgeProcess implements AutoCloseable {
  private final Process process;

  private BridgeProcess(Process process) {
    this.process = process;
  }

  /** Starts the bridge with {@code yaml} as its configuration and waits until it runs. */
  public static BridgeProcess start(Path dir, String name, String yaml) throws Exception {
    Files.createDirectories(dir);
    Path config = dir.resolve(name + ".yaml");
    Files.writeString(config, yaml);
    Path log = dir.resolve(name + ".log");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dlogback.configurationFile="
                    + BridgeProcess.class.getResource("/bridge-process-logback.xml"),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.tandem.ingest.app.IngestMain",
                config.toString())
            .redirectErrorStream(true)
            .start();
    CompletableFuture<Void> running = new CompletableFuture<>();
    Thread pump =
        new Thread(
            () -> {
              try (var reader =
                      new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
                  var out = Files.newBufferedWriter(log, UTF_8)) {
                for (String line; (line = reader.readLine()) != null; ) {
                  out.write(line);
                  out.newLine();
                  out.flush();
                  if (line.startsWith("ingest running")) {
                    running.complete(null);
                  }
                }
              } catch (IOException e) {
                running.completeExceptionally(e);
              }
              running.completeExceptionally(
                  new IllegalStateException("bridge exited early; see " + log));
            },
            "bridge-process-" + name);
    pump.setDaemon(true);
    pump.start();
    try {
      running.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("bridge did not start; log:\n" + Files.readString(log), e);
    }
    return new BridgeProcess(process);
  }

  /** SIGKILL: no drain, no disconnect. */
  public void kill() {
    process.destroyForcibly();
    waitFor(10);
  }

  /** SIGTERM: the bridge drains and exits. */
  @Override
  public void close() {
    process.destroy();
    if (!waitFor(40)) {
      process.destroyForcibly();
    }
  }

  private boolean waitFor(int seconds) {
    try {
      return process.waitFor(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
