package dev.tandem.edge.uplink;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** Tells the uplink when the connection drops; the uplink thread does the rest. */
final class LinkCallback implements MqttCallback {
  private final MqttUplink uplink;

  LinkCallback(MqttUplink uplink) {
    this.uplink = uplink;
  }

  @Override
  public void disconnected(MqttDisconnectResponse response) {
    uplink.onConnectionLost();
  }

  @Override
  public void mqttErrorOccurred(MqttException exception) {
    uplink.onConnectionLost();
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {
    uplink.onMessage(topic, message);
  }

  @Override
  public void deliveryComplete(IMqttToken token) {}

  @Override
  public void connectComplete(boolean reconnect, String serverUri) {}

  @Override
  public void authPacketArrived(int reasonCode, MqttProperties properties) {}
}
