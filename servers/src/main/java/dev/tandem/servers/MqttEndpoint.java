package dev.tandem.servers;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach an MQTT 5 broker, and how to log in there when it checks logins.
 *
 * @param uri {@code tcp://host:port} or {@code ssl://host:port}
 * @param login the service login to present; null for a broker that admits everyone
 */
public record MqttEndpoint(URI uri, Login login) {
  public MqttEndpoint {
    Objects.requireNonNull(uri, "uri");
    if (!("tcp".equals(uri.getScheme()) || "ssl".equals(uri.getScheme()))
        || uri.getHost() == null
        || uri.getPort() <= 0) {
      throw new IllegalArgumentException(
          "mqtt url must be tcp://host:port or ssl://host:port, got '%s'".formatted(uri));
    }
  }

  /** A broker without a login. */
  public MqttEndpoint(URI uri) {
    this(uri, null);
  }

  /**
   * A user name and password for the broker.
   *
   * @param username the user name
   * @param password the password
   */
  public record Login(String username, String password) {
    public Login {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
    }

    /** The password as MQTT carries it. */
    public byte[] passwordBytes() {
      return password.getBytes(StandardCharsets.UTF_8);
    }

    /** Never the password. */
    @Override
    public String toString() {
      return "Login[" + username + "]";
    }
  }

  public static MqttEndpoint of(String uri) {
    return new MqttEndpoint(URI.create(uri));
  }

  public static MqttEndpoint local(int port) {
    return new MqttEndpoint(URI.create("tcp://" + Ports.LOOPBACK + ":" + port));
  }

  /** The same broker, logging in as {@code login}. */
  public MqttEndpoint withLogin(Login login) {
    return new MqttEndpoint(uri, Objects.requireNonNull(login, "login"));
  }

  /** The login to present, if the broker checks logins. */
  public Optional<Login> serviceLogin() {
    return Optional.ofNullable(login);
  }

  /** The server URI in the form the Paho client expects. */
  public String serverUri() {
    return uri.toString();
  }
}
