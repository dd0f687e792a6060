package dev.tandem.sandbox.bench;

import dev.tandem.edge.config.AgentConfig.MqttSettings;
import dev.tandem.edge.outbox.FsyncPolicy;
import dev.tandem.edge.outbox.MessageClass;
import dev.tandem.edge.outbox.Outbox;
import dev.tandem.edge.outbox.OutboxConfig;
import dev.tandem.edge.uplink.MqttUplink;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.topic.TopicKind;
import dev.tandem.servers.mqtt.EmbeddedMqttBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * The outbox drained to a local broker after a long offline period, by the agent's real uplink,
 * against a bare Paho client publishing the same number of QoS 1 messages to the same broker.
 */
final class BrokerDrain {
  private static final int PAYLOAD_BYTES = 200;

  private BrokerDrain() {}

  record Result(int messages, double drainPerSecond, double rawPublishPerSecond) {}

  static Result run(Path dir, int messages) throws Exception {
    try (var broker = EmbeddedMqttBroker.start(dir.resolve("broker"), 0, false)) {
      String uri = broker.endpoint().serverUri();
      double raw = rawPublish(uri, messages);
      var config =
          OutboxConfig.defaults(dir.resolve("outbox"), 1L << 30)
              .withFsync(FsyncPolicy.INTERVAL, Duration.ofMillis(200));
      try (Outbox outbox = Outbox.open(config, InstantSource.system())) {
        byte[] payload = new byte[PAYLOAD_BYTES];
        for (int i = 0; i < messages; i++) {
          outbox.append(MessageClass.SUMMARY, TopicKind.TELEMETRY, sequence -> payload);
        }
        Thread.sleep(300); // past one fsync interval: everything is durable and may be handed out
        var settings =
            new MqttSettings(
                uri,
                null,
                null,
                null,
                Duration.ofSeconds(30),
                Duration.ofMillis(100),
                Duration.ofSeconds(1));
        var uplink =
            new MqttUplink(
                DeviceId.of("bench-drain"),
                settings,
                outbox,
                () -> new byte[0],
                new SplittableRandom(1));
        long start = System.nanoTime();
        uplink.start();
        try {
          while (outbox.stats().depth() > 0) {
            Thread.sleep(5);
          }
        } finally {
          uplink.close();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(messages, messages / seconds, raw);
      }
    }
  }

  /** QoS 1 publishes with as many in flight as the broker allows, until all are acknowledged. */
  private static double rawPublish(String uri, int messages) throws Exception {
    var client = new MqttAsyncClient(uri, "bench-raw-publisher", new MemoryPersistence());
    var options = new MqttConnectionOptions();
    options.setCleanStart(true);
    IMqttToken connected = client.connect(options);
    connected.waitForCompletion(10_000);
    Integer receiveMaximum =
        connected.getResponseProperties() == null
            ? null
            : connected.getResponseProperties().getReceiveMaximum();
    var window = new Semaphore(Math.min(1_000, receiveMaximum == null ? 65_535 : receiveMaximum));
    var done = new Semaphore(0);
    MqttActionListener release =
        new MqttActionListener() {
          @Override
          public void onSuccess(IMqttToken token) {
            window.release();
            done.release();
          }

          @Override
          public void onFailure(IMqttToken token, Throwable exception) {
            window.release();
            done.release();
          }
        };
    byte[] payload = new byte[PAYLOAD_BYTES];
    long start = System.nanoTime();
    for (int i = 0; i < messages; i++) {
      window.acquire();
      var message = new MqttMessage(payload);
      message.setQos(1);
      client.publish("fleet/bench-raw/telemetry", message, null, release);
    }
    if (!done.tryAcquire(messages, 120, TimeUnit.SECONDS)) {
      throw new IllegalStateException(
          "raw publisher: not every message was acknowledged within 120 s");
    }
    double rate = messages / ((System.nanoTime() - start) / 1e9);
    client.disconnect().waitForCompletion(5_000);
    client.close();
    return rate;
  }
}
