package dev.tandem.servers.kafka;

import dev.tandem.servers.EmbeddedServer;
import dev.tandem.servers.KafkaEndpoint;
import dev.tandem.servers.Ports;
import dev.tandem.servers.ServerKind;
import dev.tandem.servers.ServerStartException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka (broker and controller in one process) bound to 127.0.0.1. Its log
 * directory survives a restart: an already formatted directory keeps its cluster id and data.
 */
public final class EmbeddedKafka implements EmbeddedServer {
  private static final String CONTROLLER = "CONTROLLER";

  private final KafkaRaftServer server;
  private final KafkaEndpoint endpoint;

  private EmbeddedKafka(KafkaRaftServer server, KafkaEndpoint endpoint) {
    this.server = server;
    this.endpoint = endpoint;
  }

  /**
   * Formats {@code logDir} if needed and starts the broker.
   *
   * @param port client port, 0 for a free one
   * @param controllerPort KRaft controller port, 0 for a free one
   * @throws dev.tandem.servers.PortInUseException if a port is taken
   */
  public static EmbeddedKafka start(Path logDir, int port, int controllerPort) {
    int brokerPort = Ports.claim("kafka.port", port);
    int quorumPort = Ports.claim("kafka.controller-port", controllerPort);
    Properties props = brokerProperties(logDir, brokerPort, quorumPort);
    try {
      Files.createDirectories(logDir);
      format(logDir);
      KafkaRaftServer server =
          new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
      server.startup();
      return new EmbeddedKafka(server, new KafkaEndpoint(Ports.LOOPBACK + ":" + brokerPort));
    } catch (Exception e) {
      throw new ServerStartException("kafka: could not start in " + logDir + ": " + e, e);
    }
  }

  private static void format(Path logDir) throws Exception {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return; // formatted by an earlier run: keep its cluster id and data
    }
    new Formatter()
        .setNodeId(1)
        .setClusterId(Uuid.randomUuid().toString())
        .setDirectories(List.of(logDir.toString()))
        .setMetadataLogDirectory(logDir.toString())
        .setControllerListenerName(CONTROLLER)
        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
        .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
        .run();
  }

  private static Properties brokerProperties(Path logDir, int port, int controllerPort) {
    String host = Ports.LOOPBACK;
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.voters", "1@%s:%d".formatted(host, controllerPort));
    p.put(
        "listeners",
        "PLAINTEXT://%s:%d,%s://%s:%d".formatted(host, port, CONTROLLER, host, controllerPort));
    p.put("advertised.listeners", "PLAINTEXT://%s:%d".formatted(host, port));
    p.put("controller.listener.names", CONTROLLER);
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    p.put("metadata.log.dir", logDir.toString());
    // One node: every internal topic gets exactly one replica.
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    // The default dedupe buffer takes 128 MiB of heap for a cleaner this node barely uses.
    p.put("log.cleaner.dedupe.buffer.size", "2097152");
    p.put("auto.create.topics.enable", "true");
    return p;
  }

  public KafkaEndpoint endpoint() {
    return endpoint;
  }

  @Override
  public ServerKind kind() {
    return ServerKind.KAFKA;
  }

  @Override
  public String address() {
    return endpoint.bootstrapServers();
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }
}
