package dev.tandem.servers;

import java.net.URI;
import java.util.Objects;

/**
 * How to reach an MQTT 5 broker.
 *
 * @param uri {@code tcp://host:port} or {@code ssl://host:port}
 */
public record MqttEndpoint(URI uri) {
  public MqttEndpoint {
    Objects.requireNonNull(uri, "uri");
    if (!("tcp".equals(uri.getScheme()) || "ssl".equals(uri.getScheme()))
        || uri.getHost() == null
        || uri.getPort() <= 0) {
      throw new IllegalArgumentException(
          "mqtt url must be tcp://host:port or ssl://host:port, got '%s'".formatted(uri));
    }
  }

  public static MqttEndpoint of(String uri) {
    return new MqttEndpoint(URI.create(uri));
  }

  public static MqttEndpoint local(int port) {
    return new MqttEndpoint(URI.create("tcp://" + Ports.LOOPBACK + ":" + port));
  }

  /** The server URI in the form the Paho client expects. */
  public String serverUri() {
    return uri.toString();
  }
}
