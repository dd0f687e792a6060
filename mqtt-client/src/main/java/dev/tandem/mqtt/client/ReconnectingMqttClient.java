package dev.tandem.mqtt.client;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An MQTT 5 client (HiveMQ MQTT client) that reconnects by itself, from 100 ms up to every 5 s, and
 * knows whether it is connected. Connecting, with whatever session and limits the owner needs, is
 * left to the owner.
 */
public final class ReconnectingMqttClient {
  private final AtomicBoolean connected = new AtomicBoolean();
  private final Mqtt5AsyncClient client;

  private ReconnectingMqttClient(MqttClientSettings settings, ConnectionListener listener) {
    Objects.requireNonNull(listener, "listener");
    Mqtt5ClientBuilder builder =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier(settings.clientId())
            .serverHost(settings.url().getHost())
            .serverPort(settings.url().getPort())
            .automaticReconnect()
            .initialDelay(100, TimeUnit.MILLISECONDS)
            .maxDelay(5, TimeUnit.SECONDS)
            .applyAutomaticReconnect()
            .addConnectedListener(
                context -> {
                  connected.set(true);
                  listener.connected().run();
                })
            .addDisconnectedListener(
                context -> {
                  boolean wasUp = connected.getAndSet(false);
                  // The owner's own disconnect, and failed attempts while down, are no news.
                  if (wasUp && context.getSource() != MqttDisconnectSource.USER) {
                    listener.lost().accept(context.getCause());
                  }
                });
    if (settings.tls()) {
      builder = builder.sslWithDefaultConfig();
    }
    if (settings.username().isPresent()) {
      builder =
          builder
              .simpleAuth()
              .username(settings.username().get())
              .password(settings.password().orElse("").getBytes(StandardCharsets.UTF_8))
              .applySimpleAuth();
    }
    this.client = builder.buildAsync();
  }

  /** Builds the client; it does not connect yet. */
  public static ReconnectingMqttClient build(
      MqttClientSettings settings, ConnectionListener listener) {
    return new ReconnectingMqttClient(settings, listener);
  }

  /** The client, to connect, publish, subscribe and disconnect with. */
  public Mqtt5AsyncClient client() {
    return client;
  }

  /** Whether the connection is up now. */
  public boolean isConnected() {
    return connected.get();
  }
}
