package dev.tandem.sandbox.demo;

import dev.tandem.edge.fleet.FleetSpec;
import dev.tandem.protocol.message.MessageCodec;
import dev.tandem.protocol.topic.Topic;
import dev.tandem.protocol.topic.TopicKind;
import dev.tandem.protocol.topic.Topics;
import dev.tandem.sandbox.run.Sandbox;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A small simulated fleet runs against the sandbox's broker; every device's window summaries and
 * injected-fault events must arrive there, each decoding under the protocol schema.
 */
final class FleetReachesBrokerStep implements DemoStep {
  static final String COMPONENT = "fleet";
  private static final int DEVICES = 3;
  private static final Duration TIMEOUT = Duration.ofSeconds(45);

  @Override
  public String name() {
    return "fleet summaries and events reach the broker";
  }

  @Override
  public Optional<String> component() {
    return Optional.of(COMPONENT);
  }

  @Override
  public String run(Sandbox sandbox) throws Exception {
    String broker = sandbox.stack().mqtt().serverUri();
    Map<String, Set<TopicKind>> seen = new ConcurrentHashMap<>();
    AtomicReference<String> refused = new AtomicReference<>();
    var listener = new MqttClient(broker, "tandem-demo-fleet-listener", new MemoryPersistence());
    listener.setCallback(new Collector(seen, refused));
    var options = new MqttConnectionOptions();
    options.setCleanStart(true);
    // The platform's own listener: the service login, where the broker checks logins.
    sandbox
        .stack()
        .mqtt()
        .serviceLogin()
        .ifPresent(
            login -> {
              options.setUserName(login.username());
              options.setPassword(login.passwordBytes());
            });
    listener.connect(options);
    listener.subscribe(Topics.allDevices(TopicKind.TELEMETRY), 1);
    listener.subscribe(Topics.allDevices(TopicKind.EVENTS), 1);
    var spec =
        new FleetSpec(
            DEVICES,
            "demo",
            broker,
            sandbox.config().dataDir().resolve("fleet"),
            Duration.ofSeconds(1),
            7,
            Duration.ofSeconds(2));
    long start = System.nanoTime();
    try (var fleet = StreamingFleet.start(sandbox, spec)) {
      while (System.nanoTime() - start < TIMEOUT.toNanos()) {
        if (refused.get() != null) {
          throw new IllegalStateException(refused.get());
        }
        long complete = seen.values().stream().filter(kinds -> kinds.size() == 2).count();
        if (complete == DEVICES) {
          return "%d agents: summaries and events from each arrived in %.1f s"
              .formatted(DEVICES, (System.nanoTime() - start) / 1e9);
        }
        Thread.sleep(100);
      }
      throw new IllegalStateException("after " + TIMEOUT.toSeconds() + " s only saw " + seen);
    } finally {
      listener.disconnect();
      listener.close();
    }
  }

  /** Records which kinds of message each device delivered, decoding each. */
  private static final class Collector implements MqttCallback {
    private final Map<String, Set<TopicKind>> seen;
    private final AtomicReference<String> refused;

    Collector(Map<String, Set<TopicKind>> seen, AtomicReference<String> refused) {
      this.seen = seen;
      this.refused = refused;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      try {
        Topic parsed = Topics.parse(topic);
        MessageCodec.forKind(parsed.kind()).decode(message.getPayload(), parsed.deviceId());
        seen.computeIfAbsent(parsed.deviceId().value(), d -> ConcurrentHashMap.newKeySet())
            .add(parsed.kind());
      } catch (RuntimeException e) {
        refused.compareAndSet(null, "message on " + topic + " refused: " + e.getMessage());
      }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {}

    @Override
    public void mqttErrorOccurred(MqttException exception) {}

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
