package dev.tandem.servers.probe;

import dev.tandem.servers.MqttEndpoint;
import dev.tandem.servers.ServerKind;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/** Connects with MQTT 5, subscribes, publishes at QoS 1 and waits for its own message. */
public final class MqttProbe implements ServerProbe {
  private final MqttEndpoint endpoint;

  public MqttProbe(MqttEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public ServerKind kind() {
    return ServerKind.MQTT;
  }

  @Override
  public String check() throws Exception {
    String id = UUID.randomUUID().toString();
    String topic = "tandem/probe/" + id;
    var client =
        new MqttClient(endpoint.serverUri(), "tandem-probe-" + id, new MemoryPersistence());
    try {
      var options = new MqttConnectionOptions();
      options.setCleanStart(true);
      options.setConnectionTimeout(10);
      endpoint
          .serviceLogin()
          .ifPresent(
              login -> {
                options.setUserName(login.username());
                options.setPassword(login.passwordBytes());
              });
      var received = new CompletableFuture<String>();
      // Delivery through the client callback: Paho 1.2.5's per-subscription listener overloads
      // of MqttClient.subscribe recurse forever.
      client.setCallback(new FirstMessage(received));
      client.connect(options);
      client.subscribe(topic, 1);
      var message = new MqttMessage(id.getBytes(StandardCharsets.UTF_8));
      message.setQos(1);
      client.publish(topic, message);
      String echoed = received.get(10, TimeUnit.SECONDS);
      if (!id.equals(echoed)) {
        throw new IllegalStateException("received '" + echoed + "' instead of what was published");
      }
      return "MQTT 5 publish/subscribe round trip at QoS 1 on " + topic;
    } finally {
      if (client.isConnected()) {
        client.disconnect();
      }
      client.close();
    }
  }
}
