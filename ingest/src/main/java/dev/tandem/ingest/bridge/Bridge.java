package dev.tandem.ingest.bridge;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscription;
import dev.tandem.ingest.validate.MessageValidator;
import dev.tandem.ingest.validate.Verdict;
import dev.tandem.mqtt.client.ReconnectingMqttClient;
import dev.tandem.protocol.stream.FleetStream;
import dev.tandem.protocol.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bridge instance. Each fleet message is validated on arrival, written to Kafka (valid ones to
 * their stream, invalid ones to the dead-letter topic), and acknowledged to the broker only in the
 * Kafka callback: a crash at any point leaves the message unacknowledged in the MQTT session, and
 * the broker delivers it again. The broker's receive-maximum bounds what is in flight, so a slow
 * Kafka slows the broker's sending instead of filling memory.
 */
public final class Bridge implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Bridge.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration KAFKA_FAILURE_MEMORY = Duration.ofSeconds(30);

  private final BridgeConfig config;
  private final MessageValidator validator;
  private final BridgeListener listener;
  private final BridgeMetrics metrics;
  private final InFlight inFlight = new InFlight();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private volatile long lastKafkaFailureNanos = System.nanoTime() - KAFKA_FAILURE_MEMORY.toNanos();
  private final KafkaProducer<byte[], byte[]> producer;
  private final KafkaProducer<byte[], byte[]> deadLetterProducer;
  private final ScheduledExecutorService retries;
  private final List<ReconnectingMqttClient> connections = new ArrayList<>();

  private Bridge(BridgeConfig config, MeterRegistry registry, BridgeListener listener) {
    this.config = config;
    this.validator = new MessageValidator(config.limits(), InstantSource.system());
    this.listener = Objects.requireNonNull(listener, "listener");
    this.metrics = new BridgeMetrics(registry, inFlight::count, this::connected);
    this.producer = new KafkaProducer<>(ProducerSettings.forStreams(config.kafka()));
    // Dead letters get their own producer: a flood of garbage cannot fill the buffer that valid
    // traffic needs.
    this.deadLetterProducer = new KafkaProducer<>(ProducerSettings.forDeadLetters(config.kafka()));
    this.retries =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "bridge-retry-" + config.mqtt().clientId());
              t.setDaemon(true);
              return t;
            });
    for (int i = 0; i < config.mqtt().connections(); i++) {
      connections.add(FleetBrokerClient.build(config.mqtt(), i));
    }
  }

  /**
   * Creates the Kafka topics if needed, connects to the broker with a persistent session and
   * subscribes to the fleet topics through the shared group.
   *
   * @throws IllegalStateException if Kafka or the broker cannot be reached
   */
  public static Bridge start(BridgeConfig config, MeterRegistry registry, BridgeListener listener) {
    KafkaTopics.ensure(config.kafka(), config.streams(), CONNECT_TIMEOUT);
    Bridge bridge = new Bridge(config, registry, listener);
    try {
      bridge.connect();
    } catch (RuntimeException e) {
      bridge.close();
      throw e;
    }
    return bridge;
  }

  private void connect() {
    List<Mqtt5Subscription> subscriptions = new ArrayList<>();
    for (FleetStream stream : config.streams()) {
      subscriptions.add(
          Mqtt5Subscription.builder()
              .topicFilter(Topics.shared(config.mqtt().shareGroup(), stream.kind()))
              .qos(MqttQos.AT_LEAST_ONCE)
              .build());
    }
    Mqtt5Subscribe subscribe = Mqtt5Subscribe.builder().addSubscriptions(subscriptions).build();
    for (int i = 0; i < connections.size(); i++) {
      Mqtt5AsyncClient client = connections.get(i).client();
      // Registered before connecting: a resumed session redelivers unacknowledged messages right
      // after CONNACK, before any subscribe call could attach a callback.
      client.publishes(MqttGlobalPublishFilter.ALL, this::onPublish, true);
      FleetBrokerClient.connect(client, config.mqtt(), i, CONNECT_TIMEOUT);
      FleetBrokerClient.await(
          client.subscribe(subscribe), CONNECT_TIMEOUT, "subscribe to the fleet topics");
    }
    LOG.info(
        "Bridge {} forwarding {} from {} ({} connections in group {}) to Kafka at {}",
        config.mqtt().clientId(),
        config.streams(),
        config.mqtt().url(),
        connections.size(),
        config.mqtt().shareGroup(),
        config.kafka().bootstrapServers());
  }

  private void onPublish(Mqtt5Publish publish) {
    if (stopping.get()) {
      // Not acknowledged: it stays in this instance's session and comes back after the restart.
      return;
    }
    long receivedNanos = System.nanoTime();
    long receivedAtMs = System.currentTimeMillis();
    String topic = publish.getTopic().toString();
    byte[] payload = publish.getPayloadAsBytes();
    inFlight.enter();
    Verdict verdict = validator.validate(topic, payload);
    if (verdict instanceof Verdict.Accepted) {
      Verdict.Accepted accepted = (Verdict.Accepted) verdict;
      metrics.received(accepted.stream());
      send(
          producer,
          FleetRecords.accepted(accepted, topic, payload, receivedAtMs),
          () -> {
            metrics.forwarded(accepted.stream(), receivedNanos);
            listener.forwarded(accepted, topic);
          },
          publish);
    } else {
      Verdict.Rejected rejected = (Verdict.Rejected) verdict;
      send(
          deadLetterProducer,
          FleetRecords.deadLetter(
              rejected, topic, payload, receivedAtMs, config.limits().maxPayloadBytes()),
          () -> {
            metrics.deadLettered(rejected.reason());
            listener.deadLettered(rejected, topic);
          },
          publish);
    }
  }

  private void send(
      KafkaProducer<byte[], byte[]> target,
      ProducerRecord<byte[], byte[]> record,
      Runnable onAck,
      Mqtt5Publish publish) {
    Callback callback =
        (metadata, error) -> {
          if (error == null) {
            onAck.run();
            publish.acknowledge();
            inFlight.leave();
          } else {
            retryLater(target, record, onAck, publish, error);
          }
        };
    try {
      target.send(record, callback);
    } catch (RuntimeException e) {
      // send() throws only for a closed producer or a buffer that stayed full: try again later
      retryLater(target, record, onAck, publish, e);
    }
  }

  private void retryLater(
      KafkaProducer<byte[], byte[]> target,
      ProducerRecord<byte[], byte[]> record,
      Runnable onAck,
      Mqtt5Publish publish,
      Exception error) {
    if (retries.isShutdown()) {
      // Closing without Kafka: leave the message unacknowledged for the next session.
      inFlight.leave();
      return;
    }
    metrics.retried();
    lastKafkaFailureNanos = System.nanoTime();
    LOG.warn(
        "Kafka did not take a record for {} ({}); retrying in {}",
        record.topic(),
        error.toString(),
        config.kafka().retryBackoff());
    retries.schedule(
        () -> send(target, record, onAck, publish),
        config.kafka().retryBackoff().toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Messages received and not yet acknowledged to the broker. */
  public int inFlight() {
    return inFlight.count();
  }

  /** False while Kafka failed to take a record within the last 30 seconds. */
  public boolean kafkaHealthy() {
    return System.nanoTime() - lastKafkaFailureNanos > KAFKA_FAILURE_MEMORY.toNanos();
  }

  /** Whether every broker connection is up. */
  public boolean connected() {
    return connections.stream().allMatch(ReconnectingMqttClient::isConnected);
  }

  /**
   * Stops taking messages, waits up to the drain timeout for Kafka to acknowledge what is in flight
   * (acknowledging each to the broker), then disconnects keeping the session, so whatever was not
   * acknowledged is delivered again to the next instance with this client id.
   */
  @Override
  public void close() {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    try {
      if (!inFlight.awaitEmpty(config.drainTimeout())) {
        LOG.warn(
            "Bridge {} stopped with {} messages unacknowledged; the broker will redeliver them",
            config.mqtt().clientId(),
            inFlight.count());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      retries.shutdownNow();
      connections.forEach(connection -> FleetBrokerClient.disconnect(connection.client()));
      producer.close(Duration.ofSeconds(5));
      deadLetterProducer.close(Duration.ofSeconds(5));
      LOG.info("Bridge {} stopped", config.mqtt().clientId());
    }
  }
}
