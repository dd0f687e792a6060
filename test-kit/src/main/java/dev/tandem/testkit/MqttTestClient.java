package dev.tandem.testkit;

import dev.tandem.servers.MqttEndpoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A blocking MQTT 5 client for tests: everything it receives, on any of its subscriptions (shared
 * ones included), lands in one queue. Delivery goes through the client callback because Paho's
 * per-subscription listeners do not match {@code $share/...} filters.
 */
public final class MqttTestClient implements AutoCloseable {
  /** A message as received. */
  public record Received(String topic, byte[] payload, boolean retained) {
    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  private final MqttClient client;
  private final BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();

  private MqttTestClient(MqttClient client) {
    this.client = client;
  }

  /** Connects with a clean start. */
  public static MqttTestClient connect(MqttEndpoint endpoint, String clientId)
      throws MqttException {
    return connect(endpoint, clientId, 65535);
  }

  /**
   * Connects with a clean start, allowing at most {@code receiveMaximum} unacknowledged QoS 1/2
   * messages in flight to this client (a broker spreads a shared subscription by this limit).
   */
  public static MqttTestClient connect(MqttEndpoint endpoint, String clientId, int receiveMaximum)
      throws MqttException {
    return connect(endpoint, clientId, receiveMaximum, null, null);
  }

  /** Connects with a clean start and a login, for brokers that check logins. */
  public static MqttTestClient connect(
      MqttEndpoint endpoint, String clientId, String username, String password)
      throws MqttException {
    return connect(endpoint, clientId, 65535, username, password);
  }

  private static MqttTestClient connect(
      MqttEndpoint endpoint, String clientId, int receiveMaximum, String username, String password)
      throws MqttException {
    var client = new MqttClient(endpoint.serverUri(), clientId, new MemoryPersistence());
    var testClient = new MqttTestClient(client);
    client.setCallback(testClient.new Inbox());
    var options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setConnectionTimeout(10);
    options.setReceiveMaximum(receiveMaximum);
    if (username != null) {
      options.setUserName(username);
      options.setPassword(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    client.connect(options);
    return testClient;
  }

  public void subscribe(String filter, int qos) throws MqttException {
    client.subscribe(filter, qos);
  }

  public void publish(String topic, byte[] payload, int qos, boolean retained)
      throws MqttException {
    var message = new MqttMessage(payload);
    message.setQos(qos);
    message.setRetained(retained);
    for (int attempt = 1; ; attempt++) {
      try {
        client.publish(topic, message);
        return;
      } catch (MqttException e) {
        // Paho counts a publish as in flight a moment after its blocking call has returned; under
        // load the next publish can hit that count. Nothing was sent, so it is safe to retry.
        if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT || attempt == 50) {
          throw e;
        }
        sleepBriefly();
      }
    }
  }

  private static void sleepBriefly() throws MqttException {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MqttException(e);
    }
  }

  /** The next message, or {@code null} after {@code timeout}. */
  public Received next(Duration timeout) throws InterruptedException {
    return inbox.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Everything received so far, removed from the queue. */
  public List<Received> drain() {
    List<Received> all = new ArrayList<>();
    inbox.drainTo(all);
    return all;
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect();
    }
    client.close();
  }

  private final class Inbox implements MqttCallback {
    @Override
    public void messageArrived(String topic, MqttMessage message) {
      inbox.add(new Received(topic, message.getPayload(), message.isRetained()));
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
