package dev.tandem.sandbox.bench;

import dev.tandem.servers.mqtt.EmbeddedMqttBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Resident memory of one agent process (its own JVM, as on a device) running three simulated
 * streams (100 Hz vibration, 10 Hz power, 1 Hz temperature) against a local broker, read from
 * {@code /proc/PID/status} after 20 s.
 */
final class AgentMemory {
  static final List<String> JVM_OPTIONS =
      List.of(
          "-Xmx32m",
          "-Xss256k",
          "-XX:+UseSerialGC",
          "-XX:ReservedCodeCacheSize=24m",
          "-XX:MaxMetaspaceSize=48m",
          "-XX:TieredStopAtLevel=1",
          "-Xshare:auto");

  private AgentMemory() {}

  record Result(double rssMegabytes, String jvmOptions) {}

  static Result run(Path dir) throws Exception {
    try (var broker = EmbeddedMqttBroker.start(dir.resolve("broker"), 0, false)) {
      Path config = dir.resolve("agent.yaml");
      Files.writeString(config, yaml(broker.endpoint().serverUri()));
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(JVM_OPTIONS);
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add("dev.tandem.edge.agent.AgentMain");
      command.add(config.toString());
      Process agent =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("agent.log").toFile())
              .start();
      try {
        Thread.sleep(20_000);
        if (!agent.isAlive()) {
          throw new IllegalStateException(
              "agent exited: " + Files.readString(dir.resolve("agent.log")));
        }
        return new Result(rssKilobytes(agent.pid()) / 1024.0, String.join(" ", JVM_OPTIONS));
      } finally {
        agent.destroy();
        agent.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static long rssKilobytes(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS for process " + pid);
  }

  private static String yaml(String broker) {
    return """
        device: {id: bench-memory}
        mqtt: {url: '%s'}
        outbox: {dir: outbox, budget-mb: 16}
        state-interval: 5s
        streams:
          - id: spindle.vibration
            source: {type: simulated, profile: vibration, rate-hz: 100, seed: 1}
            filters: [{hampel: {window: 7, sigmas: 4}}]
            detectors: [{threshold: {low: -2.5, high: 2.5, clear-after: 200}}]
            window: {size: 10s}
          - id: motor.power
            source: {type: simulated, profile: power, rate-hz: 10, seed: 2}
            detectors: [{rate-of-change: {max-per-second: 20}}]
            window: {size: 10s}
          - id: cabinet.temperature
            source: {type: simulated, profile: temperature, rate-hz: 1, seed: 3}
            detectors: [{threshold: {high: 70}}]
            window: {size: 10s}
        """
        .formatted(broker);
  }
}
