package dev.tandem.ingest.bridge;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds, connects and disconnects the bridge's MQTT 5 client (HiveMQ MQTT client). */
final class FleetBrokerClient {
  private static final Logger LOG = LoggerFactory.getLogger(FleetBrokerClient.class);

  private FleetBrokerClient() {}

  /** A client that reconnects by itself and keeps {@code connected} up to date. */
  static Mqtt5AsyncClient build(MqttSettings mqtt, int index, AtomicBoolean connected) {
    String clientId = mqtt.clientId(index);
    Mqtt5ClientBuilder builder =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier(clientId)
            .serverHost(mqtt.url().getHost())
            .serverPort(mqtt.url().getPort())
            .automaticReconnect()
            .initialDelay(100, TimeUnit.MILLISECONDS)
            .maxDelay(5, TimeUnit.SECONDS)
            .applyAutomaticReconnect()
            .addConnectedListener(
                context -> {
                  connected.set(true);
                  LOG.info("Bridge {} connected to {}", clientId, mqtt.url());
                })
            .addDisconnectedListener(
                context -> {
                  boolean wasUp = connected.getAndSet(false);
                  // Our own disconnect at close is no news.
                  if (wasUp && context.getSource() != MqttDisconnectSource.USER) {
                    LOG.warn(
                        "Bridge {} lost {}: {}",
                        clientId,
                        mqtt.url(),
                        context.getCause().toString());
                  }
                });
    if (mqtt.tls()) {
      builder = builder.sslWithDefaultConfig();
    }
    if (mqtt.username().isPresent()) {
      builder =
          builder
              .simpleAuth()
              .username(mqtt.username().get())
              .password(mqtt.password().orElse("").getBytes(StandardCharsets.UTF_8))
              .applySimpleAuth();
    }
    return builder.buildAsync();
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
