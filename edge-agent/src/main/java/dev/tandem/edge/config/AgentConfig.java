package dev.tandem.edge.config;

import dev.tandem.edge.update.UpdateSettings;
import dev.tandem.protocol.topic.DeviceId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one agent needs, read from its YAML file by {@link AgentConfigReader}.
 *
 * @param outboxDirectory where the durable outbox lives
 * @param outboxBudgetBytes disk the outbox may use before it sheds by priority
 * @param metricsPort local Prometheus endpoint on 127.0.0.1; 0 picks a free port, -1 turns it off
 * @param stateInterval how often the retained state message is refreshed
 * @param sampleBudgetBytesPerSecond uplink bandwidth raw training samples may use
 * @param updates the update client's settings; empty when the agent takes no model updates
 */
public record AgentConfig(
    DeviceId deviceId,
    MqttSettings mqtt,
    Path outboxDirectory,
    long outboxBudgetBytes,
    int metricsPort,
    Duration stateInterval,
    long sampleBudgetBytesPerSecond,
    List<StreamConfig> streams,
    Optional<UpdateSettings> updates) {

  public AgentConfig {
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(mqtt, "mqtt");
    Objects.requireNonNull(outboxDirectory, "outboxDirectory");
    Objects.requireNonNull(stateInterval, "stateInterval");
    Objects.requireNonNull(updates, "updates");
    streams = List.copyOf(streams);
    if (streams.isEmpty()) {
      throw new IllegalArgumentException("at least one stream is needed");
    }
    var ids = new HashSet<String>();
    for (StreamConfig stream : streams) {
      if (!ids.add(stream.id())) {
        throw new IllegalArgumentException("stream id '" + stream.id() + "' is used twice");
      }
    }
  }

  /**
   * How the agent reaches its broker.
   *
   * @param serverUri {@code tcp://host:port} or {@code ssl://host:port}
   * @param username per-device user, or null
   * @param password per-device password, or null
   * @param tls trust and key stores for {@code ssl://}, or null
   * @param keepAlive MQTT keep-alive
   * @param reconnectInitial first reconnect delay; doubles up to {@code reconnectMax}, with jitter
   */
  public record MqttSettings(
      String serverUri,
      String username,
      char[] password,
      TlsSettings tls,
      Duration keepAlive,
      Duration reconnectInitial,
      Duration reconnectMax) {
    public MqttSettings {
      Objects.requireNonNull(serverUri, "serverUri");
      if (!serverUri.matches("(tcp|ssl)://[^:/]+:\\d+")) {
        throw new IllegalArgumentException(
            "must be tcp://host:port or ssl://host:port, got '" + serverUri + "'");
      }
      if (serverUri.startsWith("ssl://") && tls == null) {
        throw new IllegalArgumentException("ssl:// needs a tls section (trust store)");
      }
      if (reconnectInitial.isZero() || reconnectMax.compareTo(reconnectInitial) < 0) {
        throw new IllegalArgumentException("reconnect delays need 0 < initial <= max");
      }
    }
  }

  /** Key material for TLS: the CA to trust, and the device's own key for mutual TLS (optional). */
  public record TlsSettings(
      Path trustStore, char[] trustStorePassword, Path keyStore, char[] keyStorePassword) {
    public TlsSettings {
      Objects.requireNonNull(trustStore, "trustStore");
    }
  }
}
