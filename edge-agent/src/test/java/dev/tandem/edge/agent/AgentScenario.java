package dev.tandem.edge.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.edge.config.AgentConfig;
import dev.tandem.edge.config.AgentConfigReader;
import dev.tandem.testkit.MqttTestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/** Builds agents on CSV streams for tests and waits on what reaches the broker. */
final class AgentScenario {
  private AgentScenario() {}

  /** A CSV of {@code rows} readings one second apart, with a spike above 100 every 200 rows. */
  static Path csv(Path dir, String name, int rows) throws IOException {
    StringBuilder text = new StringBuilder("timestamp,value\n");
    long start = 1_700_000_000_000L;
    for (int i = 0; i < rows; i++) {
      double value = i % 200 == 150 ? 150 : 20 + (i % 7) * 0.5;
      text.append(start + i * 1000L)
          .append(',')
          .append(String.format(Locale.ROOT, "%.2f", value))
          .append('\n');
    }
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  static AgentConfig config(Path dir, String deviceId, String brokerUri, Path... csvFiles) {
    return config(dir, deviceId, brokerUri, 0, csvFiles);
  }

  /**
   * Like {@link #config(Path, String, String, Path...)}, replaying at {@code speed} times real
   * time.
   */
  static AgentConfig config(
      Path dir, String deviceId, String brokerUri, double speed, Path... csvFiles) {
    StringBuilder yaml =
        new StringBuilder(
            """
            device: {id: %s}
            mqtt: {url: '%s', reconnect-initial: 100ms, reconnect-max: 500ms}
            outbox: {dir: outbox-%s}
            state-interval: 1h
            streams:
            """
                .formatted(deviceId, brokerUri, deviceId));
    for (int i = 0; i < csvFiles.length; i++) {
      yaml.append(
          """
            - id: s%d
              source: {type: csv, file: '%s', speed: %s}
              range: {min: -1000, max: 1000}
              detectors: [{threshold: {high: 100, hysteresis: 5}}]
              window: {size: 10s, allowed-lateness: 0s}
          """
              .formatted(i, csvFiles[i], speed));
    }
    return AgentConfigReader.parse(yaml.toString(), dir);
  }

  /** One CSV stream replayed as fast as possible, with {@code mqtt} the YAML of the mqtt key. */
  static AgentConfig oneCsvStream(Path dir, String deviceId, String mqtt, Path csv) {
    return parse(
        dir,
        """
        device: {id: %s}
        mqtt: %s
        outbox: {dir: outbox-%s}
        state-interval: 1h
        streams:
          - id: s0
            source: {type: csv, file: '%s', speed: 0}
            window: {size: 10s, allowed-lateness: 0s}
        """
            .formatted(deviceId, mqtt, deviceId, csv));
  }

  static AgentConfig parse(Path dir, String yaml) {
    return AgentConfigReader.parse(yaml, dir);
  }

  static void await(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("timed out waiting for " + what).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /** Everything a client receives until {@code quiet} passes with nothing new. */
  static List<MqttTestClient.Received> collect(MqttTestClient client, Duration quiet)
      throws InterruptedException {
    List<MqttTestClient.Received> all = new ArrayList<>();
    MqttTestClient.Received next;
    while ((next = client.next(quiet)) != null) {
      all.add(next);
    }
    return all;
  }
}
