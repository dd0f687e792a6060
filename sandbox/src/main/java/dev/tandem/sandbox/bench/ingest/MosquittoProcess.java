package dev.tandem.sandbox.bench.ingest;

import dev.tandem.servers.Ports;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto broker of our own on 127.0.0.1, configured as a bridge deployment needs it: a large
 * in-flight window and offline queue. Uses the {@code mosquitto} binary of the machine.
 */
final class MosquittoProcess implements AutoCloseable {
  private final Process process;
  private final URI uri;

  private MosquittoProcess(Process process, URI uri) {
    this.process = process;
    this.uri = uri;
  }

  static MosquittoProcess start(Path dir) throws IOException, InterruptedException {
    Path binary = Path.of("/usr/sbin/mosquitto");
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          "--broker mosquitto needs " + binary + " (apt-get install mosquitto)");
    }
    int port = Ports.claim("bench.mosquitto-port", 0);
    Files.createDirectories(dir);
    Path config = dir.resolve("mosquitto.conf");
    Files.writeString(
        config,
        """
        listener %d 127.0.0.1
        allow_anonymous true
        persistence false
        max_inflight_messages 1000
        max_queued_messages 5000000
        log_dest none
        """
            .formatted(port));
    Process process =
        new ProcessBuilder(binary.toString(), "-c", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("mosquitto.log").toFile())
            .start();
    // Ctrl-C on the benchmark must not leave a broker behind.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "bench-mosquitto-stop"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return new MosquittoProcess(process, URI.create("tcp://127.0.0.1:" + port));
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "mosquitto exited: " + Files.readString(dir.resolve("mosquitto.log")));
        }
        Thread.sleep(50);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("mosquitto did not listen on port " + port + " within 10 s");
  }

  URI uri() {
    return uri;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
