package dev.tandem.edge.source;

import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.UUID;
import java.util.function.Consumer;
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
 * Readings that local devices publish on a LAN-side MQTT topic, as text {@code value} or {@code
 * timestamp,value}. Reconnects by itself if the local broker goes away.
 */
public final class LanMqttSource extends QueuedSource {
  private final MqttClient client;

  /**
   * @throws IllegalStateException naming the broker if it cannot be reached at start
   */
  public LanMqttSource(String url, String topic, InstantSource clock, Consumer<String> warnings) {
    super("mqtt " + topic, clock, warnings);
    try {
      client = new MqttClient(url, "tandem-lan-" + UUID.randomUUID(), new MemoryPersistence());
      client.setCallback(new Receiver());
      var options = new MqttConnectionOptions();
      options.setAutomaticReconnect(true);
      options.setCleanStart(true);
      client.connect(options);
      client.subscribe(topic, 1);
    } catch (MqttException e) {
      throw new IllegalStateException(
          "local MQTT source " + url + " topic " + topic + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      if (client.isConnected()) {
        client.disconnect();
      }
      client.close();
    } catch (MqttException ignored) {
      // Closing anyway.
    } finally {
      end();
    }
  }

  private final class Receiver implements MqttCallback {
    @Override
    public void messageArrived(String topic, MqttMessage message) {
      offer(new String(message.getPayload(), StandardCharsets.UTF_8));
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {}

    @Override
    public void mqttErrorOccurred(MqttException exception) {}

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      if (reconnect) {
        try {
          client.subscribe(topicFilter(), 1);
        } catch (MqttException ignored) {
          // The next reconnect tries again.
        }
      }
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }

  private String topicFilter() {
    return name().substring("mqtt ".length());
  }
}
