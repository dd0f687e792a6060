package dev.tandem.sandbox.bench.ingest;

import dev.tandem.ingest.bridge.Bridge;
import dev.tandem.ingest.bridge.BridgeConfig;
import dev.tandem.ingest.bridge.BridgeListener;
import dev.tandem.ingest.bridge.KafkaSettings;
import dev.tandem.ingest.bridge.MqttSettings;
import dev.tandem.ingest.validate.ValidationLimits;
import dev.tandem.ingest.validate.Verdict;
import dev.tandem.protocol.stream.FleetStream;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;

/**
 * The measured path: publishers, broker, bridge instances (in this JVM), Kafka. A message counts as
 * arrived when Kafka acknowledged it, so latency is device publish to Kafka ack.
 */
final class BridgeRun {
  private BridgeRun() {}

  static RunResult run(
      URI broker,
      KafkaSettings kafka,
      int devices,
      int perDevice,
      int instances,
      int connections,
      double rate)
      throws Exception {
    DeliveryLog log = new DeliveryLog(devices, perDevice);
    BridgeListener listener =
        new BridgeListener() {
          @Override
          public void forwarded(Verdict.Accepted verdict, String mqttTopic) {
            log.arrived(
                BenchMessages.deviceIndex(verdict.header().getDeviceId()),
                verdict.header().getSequence());
          }
        };
    Bridge[] bridges = new Bridge[instances];
    try {
      for (int i = 0; i < instances; i++) {
        MqttSettings mqtt =
            new MqttSettings(
                broker,
                "bench-bridge-" + i,
                "bench-bridge",
                Optional.empty(),
                Optional.empty(),
                1000,
                Duration.ZERO,
                connections);
        bridges[i] =
            Bridge.start(
                new BridgeConfig(
                    mqtt,
                    kafka,
                    ValidationLimits.DEFAULTS,
                    EnumSet.of(FleetStream.TELEMETRY),
                    Duration.ofSeconds(30)),
                new SimpleMeterRegistry(),
                listener);
      }
      try (FleetPublishers publishers = new FleetPublishers(broker, "bench-bridge", 4)) {
        long start = System.nanoTime();
        publishers.publishAll(log, devices, perDevice, rate);
        Arrivals.await(log, Duration.ofSeconds(15));
        return RunResult.of(log, start);
      }
    } finally {
      for (Bridge bridge : bridges) {
        if (bridge != null) {
          bridge.close();
        }
      }
    }
  }
}
