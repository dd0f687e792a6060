package dev.tandem.servers.probe;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** Completes a future with the text of the first message a client receives. */
final class FirstMessage implements MqttCallback {
  private final CompletableFuture<String> received;

  FirstMessage(CompletableFuture<String> received) {
    this.received = received;
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {
    received.complete(new String(message.getPayload(), StandardCharsets.UTF_8));
  }

  @Override
  public void disconnected(MqttDisconnectResponse response) {
    received.completeExceptionally(
        new IllegalStateException("disconnected: " + response.getReasonString()));
  }

  @Override
  public void mqttErrorOccurred(MqttException exception) {
    received.completeExceptionally(exception);
  }

  @Override
  public void deliveryComplete(IMqttToken token) {}

  @Override
  public void connectComplete(boolean reconnect, String serverUri) {}

  @Override
  public void authPacketArrived(int reasonCode, MqttProperties properties) {}
}
