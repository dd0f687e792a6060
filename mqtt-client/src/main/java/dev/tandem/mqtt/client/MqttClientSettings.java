package dev.tandem.mqtt.client;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How one client reaches the fleet broker.
 *
 * @param url {@code tcp://host:port}, or {@code ssl://host:port} for TLS
 * @param clientId the MQTT client identifier
 * @param username the user name to log in with; no login when empty
 * @param password the password that goes with {@code username}; empty for none
 */
public record MqttClientSettings(
    URI url, String clientId, Optional<String> username, Optional<String> password) {
  public MqttClientSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    if (!("tcp".equals(url.getScheme()) || "ssl".equals(url.getScheme()))
        || url.getHost() == null
        || url.getPort() <= 0) {
      throw new IllegalArgumentException("url must be tcp://host:port or ssl://host:port: " + url);
    }
  }

  /** Whether the connection uses TLS: an {@code ssl://} URL. */
  public boolean tls() {
    return "ssl".equals(url.getScheme());
  }

  /** Never the password. */
  @Override
  public String toString() {
    return "MqttClientSettings[" + url + ", " + clientId + ", " + username + "]";
  }
}
