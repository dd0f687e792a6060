package dev.tandem.registry.rollout;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import dev.tandem.mqtt.client.ConnectionListener;
import dev.tandem.mqtt.client.MqttClientSettings;
import dev.tandem.mqtt.client.ReconnectingMqttClient;
import dev.tandem.registry.config.TandemConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The control plane's MQTT 5 connection to the fleet broker (HiveMQ MQTT client), for retained
 * desired states. Publishes asynchronously with at most {@code tandem.rollouts.publish-in-flight}
 * unacknowledged; reconnects by itself.
 */
final class FleetBroker implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(FleetBroker.class);

  private final ReconnectingMqttClient connection;
  private final Mqtt5AsyncClient client;
  private final URI url;
  private final Semaphore inFlight;

  FleetBroker(TandemConfig.Mqtt mqtt, int maxInFlight) {
    this.url = URI.create(mqtt.url());
    this.inFlight = new Semaphore(maxInFlight);
    MqttClientSettings settings =
        new MqttClientSettings(url, mqtt.clientId(), mqtt.username(), mqtt.password());
    this.connection =
        ReconnectingMqttClient.build(
            settings,
            new ConnectionListener(
                () -> LOG.infof("rollouts: connected to the fleet broker at %s", url),
                cause -> LOG.warnf("rollouts: lost the fleet broker at %s: %s", url, cause)));
    this.client = connection.client();
  }

  /** Starts connecting; waits up to {@code wait} and says whether it is connected. */
  boolean connect(Duration wait) {
    CompletableFuture<?> ack = client.connectWith().cleanStart(true).send();
    try {
      ack.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      LOG.warnf("rollouts: fleet broker at %s not reachable yet; retrying in the background", url);
      return false;
    } catch (Exception e) {
      LOG.warnf("rollouts: cannot connect to the fleet broker at %s yet: %s", url, e.getMessage());
      return false;
    } finally {
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
      }
    }
  }

  boolean connected() {
    return connection.isConnected();
  }

  /**
   * Publishes every message retained at QoS 1 and waits until the broker acknowledged all of them.
   *
   * @param messages topic to payload
   * @throws IllegalStateException naming how many failed, if any did or the wait ran out
   */
  void publishRetained(Map<String, byte[]> messages, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<CompletableFuture<?>> pending = new ArrayList<>(messages.size());
    try {
      for (var message : messages.entrySet()) {
        if (!inFlight.tryAcquire(remaining(deadline), TimeUnit.NANOSECONDS)) {
          throw new IllegalStateException(
              "the fleet broker acknowledged too slowly: no publish slot within " + timeout);
        }
        CompletableFuture<?> sent =
            client
                .publishWith()
                .topic(message.getKey())
                .qos(MqttQos.AT_LEAST_ONCE)
                .retain(true)
                .payload(message.getValue())
                .send()
                .thenApply(
                    result -> {
                      result
                          .getError()
                          .ifPresent(
                              error -> {
                                throw new IllegalStateException(error.getMessage(), error);
                              });
                      return result;
                    })
                .whenComplete((r, e) -> inFlight.release());
        pending.add(sent);
      }
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
          .get(remaining(deadline), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing desired states", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "the fleet broker did not acknowledge "
              + messages.size()
              + " desired states within "
              + timeout,
          e);
    } catch (java.util.concurrent.ExecutionException e) {
      long failed = pending.stream().filter(CompletableFuture::isCompletedExceptionally).count();
      throw new IllegalStateException(
          failed
              + " of "
              + messages.size()
              + " desired states were not published: "
              + e.getCause().getMessage(),
          e);
    }
  }

  private static long remaining(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  @Override
  public void close() {
    try {
      client.disconnect().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.debugf("rollouts: disconnect did not complete cleanly: %s", e);
    }
  }
}
