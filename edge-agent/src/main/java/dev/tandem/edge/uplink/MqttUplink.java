package dev.tandem.edge.uplink;

import dev.tandem.edge.config.AgentConfig.MqttSettings;
import dev.tandem.edge.outbox.Outbox;
import dev.tandem.edge.outbox.OutboxRecord;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.topic.Topics;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/**
 * Drains the outbox to the broker on its own thread. A record is acknowledged to the outbox only
 * when the broker's PUBACK arrives; after a reconnect everything unacknowledged is sent again, so
 * delivery is at least once and the cloud removes duplicates by sequence number. The outbox is the
 * only persistence: the MQTT session starts clean each time.
 */
public final class MqttUplink implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(MqttUplink.class.getName());
  private static final int DEFAULT_MAX_IN_FLIGHT = 1_000;

  private final DeviceId deviceId;
  private final MqttSettings settings;
  private final Outbox outbox;
  private final Supplier<byte[]> lastWill;
  private final Backoff backoff;
  private final Object wake = new Object();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong bytesSent = new AtomicLong();
  private final AtomicLong connects = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile LinkState state = LinkState.CONNECTING;
  private volatile MqttAsyncClient client;
  private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

  /** A topic this device listens to, subscribed again after every connect (clean start). */
  private record Subscription(String topic, int qos, Consumer<byte[]> handler) {}

  /**
   * @param lastWill the retained state message the broker publishes if this device drops; asked for
   *     at each connect
   */
  public MqttUplink(
      DeviceId deviceId,
      MqttSettings settings,
      Outbox outbox,
      Supplier<byte[]> lastWill,
      RandomGenerator random) {
    this.deviceId = deviceId;
    this.settings = settings;
    this.outbox = outbox;
    this.lastWill = lastWill;
    this.backoff = new Backoff(settings.reconnectInitial(), settings.reconnectMax(), random);
    this.thread = new Thread(this::run, "tandem-uplink-" + deviceId.value());
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  public LinkState state() {
    return state;
  }

  /** Messages the broker acknowledged. */
  public long published() {
    return published.get();
  }

  /** Payload bytes the broker acknowledged. */
  public long bytesSent() {
    return bytesSent.get();
  }

  /** Successful connections so far (reconnects included). */
  public long connects() {
    return connects.get();
  }

  /**
   * Listens to {@code topic} (a concrete topic, no wildcards) from the next connect on, e.g. the
   * retained desired state. {@code handler} runs on the MQTT callback thread and must not block.
   */
  public void subscribe(String topic, int qos, Consumer<byte[]> handler) {
    subscriptions.add(new Subscription(topic, qos, handler));
  }

  /** A refused subscription (e.g. by the broker's ACL) must not keep telemetry from flowing. */
  private void subscribeAll(MqttAsyncClient next) {
    for (Subscription s : subscriptions) {
      try {
        next.subscribe(new MqttSubscription(s.topic(), s.qos())).waitForCompletion(30_000);
      } catch (MqttException e) {
        LOG.warning("subscription to " + s.topic() + " failed: " + e.getMessage());
      }
    }
  }

  void onMessage(String topic, MqttMessage message) {
    for (Subscription s : subscriptions) {
      if (s.topic().equals(topic)) {
        try {
          s.handler().accept(message.getPayload());
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "handler of " + topic + " failed", e);
        }
      }
    }
  }

  /** Wakes the sender after an append, so new messages go out without waiting for a poll tick. */
  public void nudge() {
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  private void run() {
    while (running) {
      try {
        if (client == null || !client.isConnected()) {
          connect();
        } else if (!sendBatch()) {
          pause(20);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "uplink error, reconnecting: " + e.getMessage());
        dropConnection();
      }
    }
  }

  /**
   * The device id when the agent logs in: brokers that check device logins want client id = user
   * name = device id (docs/provisioning.md). Without a login, the id the agent always had.
   */
  private String clientId() {
    return settings.username() != null ? deviceId.value() : "tandem-" + deviceId.value();
  }

  private void connect() throws InterruptedException {
    state = client == null ? LinkState.CONNECTING : LinkState.OFFLINE;
    dropConnection();
    try {
      var next = new MqttAsyncClient(settings.serverUri(), clientId(), new MemoryPersistence());
      next.setCallback(new LinkCallback(this));
      IMqttToken token =
          next.connect(ConnectionOptions.of(settings, Topics.state(deviceId), lastWill.get()));
      token.waitForCompletion(30_000);
      Integer receiveMaximum =
          token.getResponseProperties() == null
              ? null
              : token.getResponseProperties().getReceiveMaximum();
      maxInFlight =
          Math.min(DEFAULT_MAX_IN_FLIGHT, receiveMaximum == null ? 65_535 : receiveMaximum);
      inFlight.set(0);
      subscribeAll(next);
      outbox.requeueUnacknowledged();
      client = next;
      connects.incrementAndGet();
      backoff.reset();
      state = LinkState.ONLINE;
    } catch (MqttException e) {
      state = LinkState.OFFLINE;
      long delay = backoff.nextDelayMillis();
      LOG.fine(
          () ->
              "connect to "
                  + settings.serverUri()
                  + " failed ("
                  + e.getMessage()
                  + "); retry in "
                  + delay
                  + " ms");
      pause(delay);
    }
  }

  /** Publishes what fits in the in-flight window; false when there was nothing to send. */
  private boolean sendBatch() throws InterruptedException {
    int room = maxInFlight - inFlight.get();
    if (room <= 0) {
      pause(1);
      return true;
    }
    List<OutboxRecord> batch = outbox.poll(Math.min(room, 500));
    if (batch.isEmpty()) {
      return false;
    }
    MqttAsyncClient current = client;
    for (OutboxRecord record : batch) {
      var message = new MqttMessage(record.payload());
      message.setQos(1);
      message.setRetained(record.kind().retained());
      inFlight.incrementAndGet();
      try {
        current.publish(
            Topics.topic(deviceId, record.kind()), message, record, new Acknowledger(record));
      } catch (MqttException e) {
        inFlight.decrementAndGet();
        throw new IllegalStateException("publish failed: " + e.getMessage(), e);
      }
    }
    return true;
  }

  private void pause(long millis) throws InterruptedException {
    synchronized (wake) {
      wake.wait(Math.max(1, millis));
    }
  }

  void onConnectionLost() {
    state = LinkState.OFFLINE;
    nudge();
  }

  private void dropConnection() {
    MqttAsyncClient old = client;
    client = null;
    if (old != null) {
      try {
        if (old.isConnected()) {
          old.disconnectForcibly(0, 1000, false);
        }
        old.close(true);
      } catch (MqttException ignored) {
        // Already broken: nothing more to release.
      }
    }
  }

  /** Stops sending and disconnects cleanly (no last will: the agent stops on purpose). */
  @Override
  public void close() {
    running = false;
    nudge();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    MqttAsyncClient old = client;
    client = null;
    if (old != null) {
      try {
        if (old.isConnected()) {
          old.disconnect(5_000).waitForCompletion(5_000);
        }
        old.close(true);
      } catch (MqttException ignored) {
        // Stopping anyway.
      }
    }
    state = LinkState.STOPPED;
  }

  /** Acknowledges a record to the outbox when the broker confirms it. */
  private final class Acknowledger implements MqttActionListener {
    private final OutboxRecord record;

    Acknowledger(OutboxRecord record) {
      this.record = record;
    }

    @Override
    public void onSuccess(IMqttToken token) {
      outbox.acknowledge(record.sequence());
      published.incrementAndGet();
      bytesSent.addAndGet(record.payload().length);
      inFlight.decrementAndGet();
      nudge();
    }

    @Override
    public void onFailure(IMqttToken token, Throwable failure) {
      // Stays unacknowledged; sent again after the reconnect that a failure here leads to.
      inFlight.decrementAndGet();
    }
  }
}
