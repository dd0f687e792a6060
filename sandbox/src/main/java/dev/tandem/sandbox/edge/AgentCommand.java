package dev.tandem.sandbox.edge;

import dev.tandem.config.ConfigError;
import dev.tandem.edge.agent.EdgeAgent;
import dev.tandem.edge.config.AgentConfigReader;
import dev.tandem.sandbox.config.ConfigException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./tandem agent --config FILE}: one edge agent until Ctrl-C or until its sources end. */
@Command(
    name = "agent",
    mixinStandardHelpOptions = true,
    description = "Run one edge agent from its YAML configuration until Ctrl-C.")
public final class AgentCommand implements Callable<Integer> {
  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "Agent configuration (YAML).")
  Path configFile;

  @Override
  public Integer call() throws InterruptedException {
    var config = read(configFile);
    System.out.printf(
        "Starting edge agent %s (%d streams) -> %s%n",
        config.deviceId().value(), config.streams().size(), config.mqtt().serverUri());
    EdgeAgent agent =
        EdgeAgent.start(config, configFile.toAbsolutePath().getParent(), InstantSource.system());
    if (agent.metricsPort() >= 0) {
      System.out.println("Metrics: http://127.0.0.1:" + agent.metricsPort() + "/metrics");
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  agent.close();
                  System.out.println("Agent stopped.");
                  stopped.countDown();
                },
                "tandem-agent-stop"));
    while (!agent.streamsFinished() || agent.outbox().stats().depth() > 0) {
      if (stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
        return 0;
      }
    }
    System.out.println("Every source ended and the outbox is drained.");
    return 0;
  }

  static dev.tandem.edge.config.AgentConfig read(Path file) {
    try {
      return AgentConfigReader.read(file);
    } catch (ConfigError e) {
      throw new ConfigException(e.getMessage());
    }
  }
}
