package dev.tandem.servers.stack;

import dev.tandem.servers.EmbeddedServer;
import dev.tandem.servers.KafkaEndpoint;
import dev.tandem.servers.MqttEndpoint;
import dev.tandem.servers.PostgresEndpoint;
import dev.tandem.servers.S3Endpoint;
import dev.tandem.servers.ServerKind;
import dev.tandem.servers.ServerStartException;
import dev.tandem.servers.kafka.EmbeddedKafka;
import dev.tandem.servers.mqtt.BrokerLogins;
import dev.tandem.servers.mqtt.EmbeddedMqttBroker;
import dev.tandem.servers.postgres.EmbeddedPostgresServer;
import dev.tandem.servers.s3.EmbeddedS3;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The four servers of one platform run. An external server is used as given; an embedded one is
 * started on first use (or all at once by {@link #startAll}) and stopped by {@link #close}.
 */
public final class ServerStack implements AutoCloseable {
  private final StackSpec spec;
  private final Lazy<KafkaEndpoint> kafka;
  private final Lazy<MqttEndpoint> mqtt;
  private final Lazy<S3Endpoint> s3;
  private final Lazy<PostgresEndpoint> postgres;
  private final List<EmbeddedServer> started = new ArrayList<>();

  public ServerStack(StackSpec spec) {
    this(spec, null, null);
  }

  /**
   * A stack whose embedded broker admits only the clients {@code logins} accepts; its endpoint
   * carries {@code service}, the login the platform's own clients present. Both null for a broker
   * that admits everyone. An external broker is used as given.
   */
  public ServerStack(StackSpec spec, BrokerLogins logins, MqttEndpoint.Login service) {
    if ((logins == null) != (service == null)) {
      throw new IllegalArgumentException("broker logins and the service login go together");
    }
    this.spec = spec;
    var ports = spec.ports();
    var dir = spec.dataDir();
    this.kafka =
        new Lazy<>(
            spec.externalKafka().orElse(null),
            () ->
                track(
                        EmbeddedKafka.start(
                            dir.resolve("kafka"), ports.kafka(), ports.kafkaController()))
                    .endpoint());
    this.mqtt =
        new Lazy<>(
            spec.externalMqtt().orElse(null),
            () -> {
              MqttEndpoint endpoint =
                  track(
                          EmbeddedMqttBroker.start(
                              dir.resolve("mqtt"), ports.mqtt(), spec.persistent(), null, logins))
                      .endpoint();
              return service == null ? endpoint : endpoint.withLogin(service);
            });
    this.s3 =
        new Lazy<>(
            spec.externalS3().orElse(null),
            () -> {
              var credentials = spec.s3Credentials();
              return track(
                      EmbeddedS3.start(
                          dir.resolve("s3"),
                          ports.s3(),
                          credentials.accessKey(),
                          credentials.secretKey()))
                  .endpoint();
            });
    this.postgres =
        new Lazy<>(
            spec.externalPostgres().orElse(null),
            () ->
                track(
                        EmbeddedPostgresServer.start(
                            dir.resolve("postgres"), ports.postgres(), spec.persistent()))
                    .endpoint());
  }

  public KafkaEndpoint kafka() {
    return kafka.get();
  }

  public MqttEndpoint mqtt() {
    return mqtt.get();
  }

  public S3Endpoint s3() {
    return s3.get();
  }

  public PostgresEndpoint postgres() {
    return postgres.get();
  }

  /** Whether {@code kind} runs embedded in this JVM (as opposed to an external server). */
  public boolean embedded(ServerKind kind) {
    return switch (kind) {
      case KAFKA -> spec.externalKafka().isEmpty();
      case MQTT -> spec.externalMqtt().isEmpty();
      case S3 -> spec.externalS3().isEmpty();
      case POSTGRES -> spec.externalPostgres().isEmpty();
    };
  }

  /**
   * Starts every embedded server in parallel and reports each as it comes up. If one fails, the
   * others are stopped and the first failure is thrown.
   */
  public void startAll(Consumer<ServerKind> onUp) {
    Map<ServerKind, Runnable> starters = new EnumMap<>(ServerKind.class);
    starters.put(ServerKind.KAFKA, this::kafka);
    starters.put(ServerKind.MQTT, this::mqtt);
    starters.put(ServerKind.S3, this::s3);
    starters.put(ServerKind.POSTGRES, this::postgres);
    List<CompletableFuture<Void>> futures = new ArrayList<>();
    starters.forEach(
        (kind, starter) ->
            futures.add(
                CompletableFuture.runAsync(
                    () -> {
                      starter.run();
                      onUp.accept(kind);
                    })));
    try {
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      close();
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new ServerStartException(String.valueOf(e.getCause()), e.getCause());
    }
  }

  /** Where each server is, with "embedded" or "external", for printing. */
  public Map<ServerKind, String> describe() {
    Map<ServerKind, String> lines = new EnumMap<>(ServerKind.class);
    lines.put(ServerKind.KAFKA, kafka().bootstrapServers());
    lines.put(ServerKind.MQTT, mqtt().serverUri());
    lines.put(ServerKind.S3, s3().url().toString());
    lines.put(ServerKind.POSTGRES, postgres().jdbcUrl());
    lines.replaceAll((kind, address) -> address + (embedded(kind) ? " (embedded)" : " (external)"));
    return lines;
  }

  private <T extends EmbeddedServer> T track(T server) {
    synchronized (started) {
      started.add(server);
    }
    return server;
  }

  /** Stops the embedded servers, the last started first. */
  @Override
  public void close() {
    List<EmbeddedServer> toStop;
    synchronized (started) {
      toStop = new ArrayList<>(started);
      started.clear();
    }
    RuntimeException first = null;
    for (int i = toStop.size() - 1; i >= 0; i--) {
      try {
        toStop.get(i).close();
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
