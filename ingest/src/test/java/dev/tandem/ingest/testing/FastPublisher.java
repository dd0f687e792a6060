package dev.tandem.ingest.testing;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import dev.tandem.servers.MqttEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes many QoS 1 messages without waiting for each acknowledgement (a bounded window of
 * outstanding ones), as a busy fleet behind one connection would. Like a device's outbox it
 * publishes again what the broker did not acknowledge (a dropped connection), so a message may
 * arrive twice but never not at all.
 */
public final class FastPublisher implements AutoCloseable {
  private final Mqtt5AsyncClient client;
  private final Semaphore window;
  private final List<Throwable> failures = new ArrayList<>();

  public FastPublisher(MqttEndpoint endpoint, String clientId, int window) throws Exception {
    this.client =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier(clientId)
            .serverHost(endpoint.uri().getHost())
            .serverPort(endpoint.uri().getPort())
            .automaticReconnectWithDefaultConfig()
            .buildAsync();
    this.window = new Semaphore(window);
    client.connectWith().cleanStart(true).send().get(10, TimeUnit.SECONDS);
  }

  public void publish(String topic, byte[] payload) throws InterruptedException {
    window.acquire();
    send(topic, payload, 1);
  }

  private void send(String topic, byte[] payload, int attempt) {
    CompletableFuture<Mqtt5PublishResult> sent =
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send();
    sent.whenComplete(
        (result, error) -> {
          Throwable failure = error != null ? error : result.getError().orElse(null);
          if (failure == null) {
            window.release();
          } else if (attempt < 20) {
            CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS)
                .execute(() -> send(topic, payload, attempt + 1));
          } else {
            synchronized (failures) {
              failures.add(failure);
            }
            window.release();
          }
        });
  }

  /** Waits until every message was acknowledged by the broker; throws if any failed. */
  public void awaitAcknowledged(int window) throws InterruptedException {
    this.window.acquire(window);
    this.window.release(window);
    synchronized (failures) {
      if (!failures.isEmpty()) {
        throw new IllegalStateException(
            failures.size() + " publishes failed, first: " + failures.get(0));
      }
    }
  }

  @Override
  public void close() throws Exception {
    client.disconnect().get(10, TimeUnit.SECONDS);
  }
}
