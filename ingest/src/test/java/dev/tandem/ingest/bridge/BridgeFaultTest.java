package dev.tandem.ingest.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.edge.agent.EdgeAgent;
import dev.tandem.edge.fleet.FleetSimulator;
import dev.tandem.edge.fleet.FleetSpec;
import dev.tandem.ingest.lake.LakeConfig;
import dev.tandem.ingest.lake.LakeReader;
import dev.tandem.ingest.lake.LakeWriter;
import dev.tandem.ingest.testing.BridgeProcess;
import dev.tandem.ingest.testing.LakeAudit;
import dev.tandem.ingest.testing.SequenceAudit;
import dev.tandem.servers.Ports;
import dev.tandem.servers.S3Clients;
import dev.tandem.servers.S3Endpoint;
import dev.tandem.servers.kafka.EmbeddedKafka;
import dev.tandem.servers.mqtt.EmbeddedMqttBroker;
import dev.tandem.testkit.WithRealServers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults while a simulated fleet keeps sending: the bridge killed with SIGKILL, the Kafka broker
 * restarted, the MQTT broker restarted. Afterwards an audit by sequence numbers finds every message
 * each agent had acknowledged by the broker in Kafka, and every lake dataset's messages in the lake
 * exactly once (a lake writer runs throughout, against the test kit's S3 server). Each test has its
 * own servers, on fixed ports so that a restarted server comes back where its clients expect it.
 * The bridge subscribes before the fleet starts: a broker drops messages for which no subscription
 * (or session) exists yet.
 */
@WithRealServers
class BridgeFaultTest {
  private static final int DEVICES = 8;

  @TempDir Path dir;
  private int kafkaPort;
  private int controllerPort;
  private int mqttPort;
  private EmbeddedKafka kafka;
  private EmbeddedMqttBroker broker;
  private FleetSimulator fleet;
  private LakeWriter lake;
  private LakeReader lakeReader;

  @BeforeEach
  void startServers(S3Endpoint s3) {
    kafkaPort = Ports.claim("test.kafka", 0);
    controllerPort = Ports.claim("test.kafka-controller", 0);
    mqttPort = Ports.claim("test.mqtt", 0);
    kafka = startKafka();
    broker = startBroker();
    String bucket = "fault-" + UUID.randomUUID().toString().substring(0, 8);
    LakeConfig config =
        LakeConfig.defaults(kafka.endpoint().bootstrapServers(), bucket)
            .withFlush(100_000, 64L * 1024 * 1024, Duration.ofSeconds(2));
    lake = LakeWriter.start(config, S3Clients.minio(s3));
    lakeReader = LakeReader.of(config, S3Clients.minio(s3));
  }

  @AfterEach
  void stopServers() {
    if (fleet != null) {
      fleet.close();
    }
    lake.close();
    broker.close();
    kafka.close();
  }

  @Test
  void bridgeKilledMidStreamLosesNothing() throws Exception {
    BridgeProcess first = BridgeProcess.start(dir, "bridge-1", bridgeYaml());
    List<EdgeAgent> agents = startFleet("kill");
    Thread.sleep(3_000);
    first.kill();
    Thread.sleep(2_000); // the fleet keeps sending; the broker queues for the bridge's session
    try (BridgeProcess second = BridgeProcess.start(dir, "bridge-2", bridgeYaml())) {
      Thread.sleep(3_000);
      stopFleet();
      assertNoLoss(agents, "kill");
    }
  }

  @Test
  void kafkaRestartLosesNothing() throws Exception {
    try (BridgeProcess bridge = BridgeProcess.start(dir, "bridge", bridgeYaml())) {
      List<EdgeAgent> agents = startFleet("kafka");
      Thread.sleep(2_000);
      kafka.close();
      Thread.sleep(3_000); // the bridge holds its in-flight messages and retries
      kafka = startKafka();
      Thread.sleep(4_000);
      stopFleet();
      assertNoLoss(agents, "kafka");
    }
  }

  @Test
  void mqttBrokerRestartLosesNothing() throws Exception {
    try (BridgeProcess bridge = BridgeProcess.start(dir, "bridge", bridgeYaml())) {
      List<EdgeAgent> agents = startFleet("mqtt");
      Thread.sleep(2_000);
      broker.close();
      Thread.sleep(2_000); // devices keep their readings in their outboxes meanwhile
      broker = startBroker();
      Thread.sleep(5_000);
      stopFleet();
      assertNoLoss(agents, "mqtt");
    }
  }

  private List<EdgeAgent> startFleet(String prefix) {
    fleet =
        FleetSimulator.start(
            new FleetSpec(
                DEVICES,
                prefix,
                "tcp://127.0.0.1:" + mqttPort,
                dir.resolve("fleet"),
                Duration.ofMillis(200),
                7,
                Duration.ofSeconds(2)),
            InstantSource.system(),
            started -> {});
    return fleet.agents();
  }

  private void stopFleet() {
    fleet.close(); // drains each outbox to the broker before disconnecting
  }

  private void assertNoLoss(List<EdgeAgent> agents, String prefix) throws InterruptedException {
    SequenceAudit.Result audit = SequenceAudit.audit(agents, kafka.endpoint(), prefix);
    assertThat(audit.expectedCount()).as("messages the fleet sent").isGreaterThan(200);
    assertThat(audit.missing()).as("sequences missing from Kafka").isEmpty();
    var findings = LakeAudit.audit(kafka.endpoint(), lakeReader, prefix, Duration.ofSeconds(60));
    assertThat(findings)
        .as("lake datasets against Kafka")
        .allSatisfy(
            f -> {
              assertThat(f.missing()).as(f.dataset() + " missing from the lake").isZero();
              assertThat(f.duplicates()).as(f.dataset() + " duplicated in the lake").isZero();
            });
    assertThat(findings.stream().mapToLong(LakeAudit.Finding::inLake).sum())
        .as("rows in the lake")
        .isGreaterThan(100);
    assertThat(lake.failure()).isEmpty();
  }

  private EmbeddedKafka startKafka() {
    return EmbeddedKafka.start(dir.resolve("kafka"), kafkaPort, controllerPort);
  }

  private EmbeddedMqttBroker startBroker() {
    return EmbeddedMqttBroker.start(dir.resolve("mqtt"), mqttPort, true);
  }

  private String bridgeYaml() {
    return """
        kafka:
          bootstrap-servers: 127.0.0.1:%d
          partitions: 2
        bridge:
          mqtt:
            url: tcp://127.0.0.1:%d
            client-id: fault-bridge
            receive-maximum: 200
            session-expiry: 5m
          drain-timeout: 10s
        ops:
          port: 0
        """
        .formatted(kafkaPort, mqttPort);
  }
}
