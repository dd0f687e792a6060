package dev.tandem.testkit;

import dev.tandem.servers.Directories;
import dev.tandem.servers.stack.ServerStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one stack of servers per test JVM. Servers start on first use, on free ports of 127.0.0.1,
 * with data in a temporary folder, and stop when the JVM exits.
 */
public final class RealServers {
  private static ServerStack stack;

  private RealServers() {}

  /** The shared stack, created on first call. */
  public static synchronized ServerStack stack() {
    if (stack == null) {
      Path dataDir = createDataDir();
      stack = new ServerStack(TestServerSettings.fromEnvironment(System.getenv(), dataDir));
      ServerStack created = stack;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    created.close();
                    Directories.deleteTree(dataDir);
                  },
                  "tandem-test-servers-stop"));
    }
    return stack;
  }

  private static Path createDataDir() {
    try {
      return Files.createTempDirectory("tandem-test-servers-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
