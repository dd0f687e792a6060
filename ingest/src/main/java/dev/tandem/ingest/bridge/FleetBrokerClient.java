package dev.tandem.ingest.bridge;

import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import dev.tandem.mqtt.client.ConnectionListener;
import dev.tandem.mqtt.client.MqttClientSettings;
import dev.tandem.mqtt.client.ReconnectingMqttClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds, connects and disconnects the bridge's MQTT 5 client (HiveMQ MQTT client). */
final class FleetBrokerClient {
  private static final Logger LOG = LoggerFactory.getLogger(FleetBrokerClient.class);

  private FleetBrokerClient() {}

  /** Connection {@code index} (0-based): reconnects by itself and knows whether it is up. */
  static ReconnectingMqttClient build(MqttSettings mqtt, int index) {
    String clientId = mqtt.clientId(index);
    MqttClientSettings settings =
        new MqttClientSettings(mqtt.url(), clientId, mqtt.username(), mqtt.password());
    return ReconnectingMqttClient.build(
        settings,
        new ConnectionListener(
            () -> LOG.info("Bridge {} connected to {}", clientId, mqtt.url()),
            cause -> LOG.warn("Bridge {} lost {}: {}", clientId, mqtt.url(), cause.toString())));
  }

  /** Connects with a persistent session and the receive maximum as the in-flight bound. */
  static void connect(Mqtt5AsyncClient client, MqttSettings mqtt, int index, Duration timeout) {
    var connAck =
        await(
            client
                .connectWith()
                .cleanStart(false)
                .sessionExpiryInterval(mqtt.sessionExpiry().toSeconds())
                .restrictions()
                .receiveMaximum(mqtt.receiveMaximum())
                .applyRestrictions()
                .send(),
            timeout,
            "connect to the fleet broker at " + mqtt.url());
    LOG.info(
        "Bridge {} session {}",
        mqtt.clientId(index),
        connAck.isSessionPresent() ? "resumed" : "started");
  }

  static void disconnect(Mqtt5AsyncClient client) {
    try {
      client.disconnect().get(5, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.debug("Disconnect did not complete cleanly: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot " + what + ": " + e.getCause().getMessage(), e);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new IllegalStateException("cannot " + what + ": no answer within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while trying to " + what, e);
    }
  }
}
