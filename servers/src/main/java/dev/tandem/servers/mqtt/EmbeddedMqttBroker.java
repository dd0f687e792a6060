package dev.tandem.servers.mqtt;

import com.hivemq.embedded.EmbeddedHiveMQ;
import dev.tandem.servers.EmbeddedServer;
import dev.tandem.servers.MqttEndpoint;
import dev.tandem.servers.Ports;
import dev.tandem.servers.ServerKind;
import dev.tandem.servers.ServerStartException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real MQTT 5 broker (HiveMQ CE) bound to 127.0.0.1, with shared subscriptions, retained messages
 * and last wills. Usage statistics are off; persistence is on disk or in memory.
 */
public final class EmbeddedMqttBroker implements EmbeddedServer {
  private final EmbeddedHiveMQ broker;
  private final MqttEndpoint endpoint;

  private EmbeddedMqttBroker(EmbeddedHiveMQ broker, MqttEndpoint endpoint) {
    this.broker = broker;
    this.endpoint = endpoint;
  }

  /**
   * Starts the broker with its configuration, data and extension folders under {@code home}.
   *
   * @param port 0 for a free port
   * @param persistent keep sessions and retained messages on disk between runs
   */
  public static EmbeddedMqttBroker start(Path home, int port, boolean persistent) {
    return start(home, port, persistent, null);
  }

  /**
   * A TLS listener besides the plain one.
   *
   * @param keyStore the broker's key and certificate (PKCS12 or JKS)
   * @param password of the key store and of its private key
   */
  public record TlsListener(int port, Path keyStore, String password) {}

  /**
   * Starts the broker with a plain listener on {@code port} and, if {@code tls} is given, a TLS
   * listener as well.
   */
  public static EmbeddedMqttBroker start(Path home, int port, boolean persistent, TlsListener tls) {
    return start(home, port, persistent, tls, (BrokerLogins) null);
  }

  /**
   * Like {@link #start(Path, int, boolean, TlsListener)}; with {@code credentials} (user name to
   * password) the broker admits only clients presenting one of them, as with per-device credentials
   * in production.
   */
  public static EmbeddedMqttBroker start(
      Path home, int port, boolean persistent, TlsListener tls, Map<String, String> credentials) {
    return start(
        home, port, persistent, tls, credentials == null ? null : new StaticLogins(credentials));
  }

  /**
   * Like {@link #start(Path, int, boolean, TlsListener)}; with {@code logins} the broker admits
   * only the clients they accept, and keeps device logins to their own topics.
   */
  public static EmbeddedMqttBroker start(
      Path home, int port, boolean persistent, TlsListener tls, BrokerLogins logins) {
    int bound = Ports.claim("mqtt.port", port);
    try {
      Path config = Files.createDirectories(home.resolve("conf"));
      Path data = Files.createDirectories(home.resolve("data"));
      Path extensions = Files.createDirectories(home.resolve("extensions"));
      Files.writeString(config.resolve("config.xml"), configXml(bound, persistent, tls));
      var builder =
          EmbeddedHiveMQ.builder()
              .withConfigurationFolder(config)
              .withDataFolder(data)
              .withExtensionsFolder(extensions)
              .withoutLoggingBootstrap();
      if (logins != null) {
        builder = builder.withEmbeddedExtension(LoginExtension.of(logins));
      }
      EmbeddedHiveMQ broker = builder.build();
      broker.start().get(60, TimeUnit.SECONDS);
      return new EmbeddedMqttBroker(broker, MqttEndpoint.local(bound));
    } catch (IOException | ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new ServerStartException("mqtt: could not start in " + home + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerStartException("mqtt: interrupted while starting", e);
    }
  }

  /**
   * Messages the broker keeps per offline persistent session (HiveMQ's default is 1,000, like
   * Mosquitto's): the ingest bridge's session must hold what the whole fleet sends while the bridge
   * restarts, about a minute of traffic at 100,000 messages per second.
   */
  static final int MAX_QUEUED_MESSAGES = 5_000_000;

  static String configXml(int port, boolean persistent, TlsListener tls) {
    String tlsListener =
        tls == null
            ? ""
            : """
                <tls-tcp-listener>
                  <port>%d</port>
                  <bind-address>%s</bind-address>
                  <tls>
                    <keystore>
                      <path>%s</path>
                      <password>%s</password>
                      <private-key-password>%s</private-key-password>
                    </keystore>
                  </tls>
                </tls-tcp-listener>
            """
                .formatted(
                    tls.port(), Ports.LOOPBACK, tls.keyStore(), tls.password(), tls.password());
    return """
        <?xml version="1.0"?>
        <hivemq>
          <listeners>
            <tcp-listener>
              <port>%d</port>
              <bind-address>%s</bind-address>
            </tcp-listener>
        %s  </listeners>
          <anonymous-usage-statistics>
            <enabled>false</enabled>
          </anonymous-usage-statistics>
          <persistence>
            <mode>%s</mode>
          </persistence>
          <mqtt>
            <queued-messages>
              <max-queue-size>%d</max-queue-size>
              <strategy>discard</strategy>
            </queued-messages>
          </mqtt>
        </hivemq>
        """
        .formatted(
            port,
            Ports.LOOPBACK,
            tlsListener,
            persistent ? "file" : "in-memory",
            MAX_QUEUED_MESSAGES);
  }

  public MqttEndpoint endpoint() {
    return endpoint;
  }

  @Override
  public ServerKind kind() {
    return ServerKind.MQTT;
  }

  @Override
  public String address() {
    return endpoint.serverUri();
  }

  @Override
  public void close() {
    try {
      broker.stop().get(30, TimeUnit.SECONDS);
      broker.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new ServerStartException("mqtt: did not stop cleanly: " + e, e);
    }
  }
}
