package dev.tandem.edge.agent;

import dev.tandem.config.ConfigError;
import dev.tandem.edge.config.AgentConfigReader;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.CountDownLatch;

/**
 * The device-side entry point, without the launcher: {@code java -cp <agent jars>
 * dev.tandem.edge.agent.AgentMain agent.yaml}. Runs until SIGTERM or Ctrl-C. A bad configuration
 * prints one line naming the key and exits with status 2.
 */
public final class AgentMain {
  private AgentMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 1) {
      System.err.println("usage: AgentMain CONFIG.yaml");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    EdgeAgent agent;
    try {
      agent =
          EdgeAgent.start(
              AgentConfigReader.read(file),
              file.toAbsolutePath().getParent(),
              InstantSource.system());
    } catch (ConfigError e) {
      System.err.println("tandem agent: configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  agent.close();
                  stopped.countDown();
                },
                "tandem-agent-stop"));
    System.out.println("agent " + agent.config().deviceId().value() + " running");
    stopped.await();
  }
}
