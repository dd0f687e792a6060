package dev.tandem.ingest.bridge;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the bridge connects to the fleet broker.
 *
 * @param url {@code tcp://host:port} or {@code ssl://host:port}
 * @param clientId stable per bridge instance, so a restarted instance resumes its session and
 *     receives what it had not acknowledged
 * @param shareGroup instances in the same group split the fleet's messages between them
 * @param receiveMaximum how many unacknowledged messages the broker may send this instance: the
 *     bound on in-flight work, and so the backpressure when Kafka is slow
 * @param sessionExpiry how long the broker keeps the session (and queues messages) while the
 *     instance is away
 * @param connections broker connections of this instance, each its own session named {@code
 *     clientId-1..n} in the share group: brokers cap unacknowledged deliveries per connection
 *     (Mosquitto's max_inflight_messages defaults to 20), and the bridge holds every message until
 *     Kafka acknowledged it, so throughput is about connections x cap / Kafka latency. Keep the
 *     number stable across restarts: a session no instance resumes keeps its queue until it
 *     expires.
 */
public record MqttSettings(
    URI url,
    String clientId,
    String shareGroup,
    Optional<String> username,
    Optional<String> password,
    int receiveMaximum,
    Duration sessionExpiry,
    int connections) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public MqttSettings {
    Objects.requireNonNull(url, "url");
    if (!"tcp".equals(url.getScheme()) && !"ssl".equals(url.getScheme())) {
      throw new IllegalArgumentException("url must be tcp://host:port or ssl://host:port: " + url);
    }
    if (url.getHost() == null || url.getPort() <= 0) {
      throw new IllegalArgumentException("url must name a host and a port: " + url);
    }
    if (clientId == null || !NAME.matcher(clientId).matches() || clientId.length() > 60) {
      throw new IllegalArgumentException("client-id must be 1-60 of [A-Za-z0-9._-]: " + clientId);
    }
    if (shareGroup == null || !NAME.matcher(shareGroup).matches()) {
      throw new IllegalArgumentException(
          "share-group must be 1-64 of [A-Za-z0-9._-]: " + shareGroup);
    }
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    if (password.isPresent() && username.isEmpty()) {
      throw new IllegalArgumentException("password needs a username");
    }
    if (receiveMaximum < 1 || receiveMaximum > 65_535) {
      throw new IllegalArgumentException("receive-maximum must be 1..65535: " + receiveMaximum);
    }
    if (connections < 1 || connections > 64) {
      throw new IllegalArgumentException("connections must be 1..64: " + connections);
    }
    if (sessionExpiry.isNegative() || sessionExpiry.toSeconds() > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("session-expiry out of range: " + sessionExpiry);
    }
  }

  /** The same settings, logging in as {@code username} with {@code password}. */
  public MqttSettings withLogin(String username, String password) {
    return new MqttSettings(
        url,
        clientId,
        shareGroup,
        Optional.of(username),
        Optional.of(password),
        receiveMaximum,
        sessionExpiry,
        connections);
  }

  /** Plain TCP, no credentials, 1000 in flight, sessions kept for an hour, 8 connections. */
  public static MqttSettings of(URI url, String clientId, String shareGroup) {
    return new MqttSettings(
        url,
        clientId,
        shareGroup,
        Optional.empty(),
        Optional.empty(),
        1000,
        Duration.ofHours(1),
        DEFAULT_CONNECTIONS);
  }

  /** The default number of broker connections per bridge instance. */
  public static final int DEFAULT_CONNECTIONS = 8;

  /** The client id of connection {@code index} (0-based). */
  public String clientId(int index) {
    return clientId + "-" + (index + 1);
  }
}
