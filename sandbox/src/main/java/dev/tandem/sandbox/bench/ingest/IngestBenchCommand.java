package dev.tandem.sandbox.bench.ingest;

import dev.tandem.ingest.bridge.KafkaSettings;
import dev.tandem.sandbox.bench.BenchReport;
import dev.tandem.servers.Directories;
import dev.tandem.servers.kafka.EmbeddedKafka;
import dev.tandem.servers.mqtt.EmbeddedMqttBroker;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./tandem bench ingest}: simulated devices publish summaries through the real broker, the
 * bridge and Kafka, all on this machine. Baselines in the same run: the broker alone (publish to a
 * shared QoS 1 subscriber) and a raw Kafka producer with the bridge's settings.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = "MQTT to Kafka bridge: throughput, latency, loss, against raw baselines.")
public final class IngestBenchCommand implements Callable<Integer> {
  @Option(names = "--json", paramLabel = "FILE", description = "Also write the JSON here.")
  Path json;

  /** Which broker the run uses. */
  enum Broker {
    EMBEDDED,
    MOSQUITTO
  }

  @Option(
      names = "--broker",
      defaultValue = "mosquitto",
      description =
          "embedded (HiveMQ CE in this JVM) or mosquitto (a Mosquitto process of its own, tuned"
              + " for the bridge; needs the mosquitto package). Default: ${DEFAULT-VALUE}.")
  Broker brokerKind;

  @Option(
      names = "--mqtt",
      paramLabel = "URL",
      description = "Use this running broker (e.g. tcp://127.0.0.1:1883) instead.")
  URI mqtt;

  @Option(names = "--devices", defaultValue = "500", description = "Simulated devices.")
  int devices;

  @Option(
      names = "--messages",
      defaultValue = "200000",
      description = "Messages per run (rounded to whole rounds over the devices).")
  int messages;

  @Option(names = "--instances", defaultValue = "1", description = "Bridge instances.")
  int instances;

  @Option(
      names = "--connections",
      defaultValue = "8",
      description = "Broker connections per bridge instance.")
  int connections;

  @Option(names = "--partitions", defaultValue = "6", description = "Kafka partitions per topic.")
  int partitions;

  @Override
  public Integer call() throws Exception {
    int perDevice = Math.max(1, messages / devices);
    Path dir = Files.createTempDirectory("tandem-bench-ingest-");
    EmbeddedMqttBroker embedded = null;
    MosquittoProcess mosquitto = null;
    try (EmbeddedKafka kafkaServer = EmbeddedKafka.start(dir.resolve("kafka"), 0, 0)) {
      URI broker = mqtt;
      if (broker == null && brokerKind == Broker.EMBEDDED) {
        embedded = EmbeddedMqttBroker.start(dir.resolve("mqtt"), 0, false);
        broker = embedded.endpoint().uri();
      } else if (broker == null) {
        mosquitto = MosquittoProcess.start(dir.resolve("mosquitto"));
        broker = mosquitto.uri();
      }
      KafkaSettings kafka =
          new KafkaSettings(
              kafkaServer.endpoint().bootstrapServers(),
              partitions,
              (short) 1,
              Duration.ofMillis(2),
              Duration.ofMillis(500),
              Map.of());
      System.err.printf(
          "bench ingest: %d devices x %d messages, broker %s%n", devices, perDevice, broker);
      // Warm-up: JIT, connections, topic metadata; not reported.
      BridgeRun.run(broker, kafka, devices, Math.max(1, perDevice / 10), instances, connections, 0);
      System.err.println("  raw broker (publish -> shared QoS 1 subscriber)...");
      RunResult rawBroker = RawBrokerRun.run(broker, devices, perDevice, connections, 0);
      System.err.println("  raw Kafka producer...");
      RunResult rawKafka = RawKafkaRun.run(kafka, devices, perDevice);
      System.err.println("  bridge, as fast as it goes...");
      RunResult bridge =
          BridgeRun.run(broker, kafka, devices, perDevice, instances, connections, 0);
      double pacedRate = Math.floor(bridge.perSecond() * 0.8);
      int pacedPerDevice = (int) Math.max(1, Math.min(perDevice, pacedRate * 10 / devices));
      System.err.printf("  bridge at %.0f msg/s (80%% of its maximum) for latency...%n", pacedRate);
      RunResult paced =
          BridgeRun.run(broker, kafka, devices, pacedPerDevice, instances, connections, pacedRate);
      report(broker, rawBroker, rawKafka, bridge, paced, pacedRate).print(json);
      return 0;
    } finally {
      if (embedded != null) {
        embedded.close();
      }
      if (mosquitto != null) {
        mosquitto.close();
      }
      Directories.deleteTree(dir);
    }
  }

  private BenchReport report(
      URI broker,
      RunResult rawBroker,
      RunResult rawKafka,
      RunResult bridge,
      RunResult paced,
      double pacedRate) {
    BenchReport report = new BenchReport("ingest");
    var setup = report.section("setup");
    setup.put(
        "broker",
        mqtt != null
            ? broker.toString()
            : brokerKind == Broker.EMBEDDED
                ? "embedded HiveMQ CE " + broker
                : "mosquitto process " + broker);
    setup.put("devices", devices);
    setup.put("bridgeInstances", instances);
    setup.put("connectionsPerInstance", connections);
    setup.put("kafkaPartitions", partitions);
    put(report, "rawBroker", rawBroker);
    put(report, "rawKafkaProducer", rawKafka);
    put(report, "bridgeMax", bridge);
    put(report, "bridgeAt80Percent", paced).put("targetRate", pacedRate);
    double brokerRatio = bridge.perSecond() / rawBroker.perSecond();
    double kafkaRatio = bridge.perSecond() / rawKafka.perSecond();
    var ratios = report.section("ratios");
    ratios.put("bridgeOverRawBroker", brokerRatio);
    ratios.put("bridgeOverRawKafka", kafkaRatio);
    report.row(
        "bridge sustained msg/s",
        fmt(bridge.perSecond()),
        ">= 20000",
        bridge.perSecond() >= 20_000);
    report.row(
        "lost (sequence audit)",
        bridge.lost() + paced.lost() + " of " + (bridge.messages() + paced.messages()),
        "0",
        bridge.lost() + paced.lost() == 0);
    report.row(
        "p50 publish -> Kafka ack at 80% load",
        String.format(Locale.ROOT, "%.1f ms", paced.p50Millis()), "", true);
    report.row(
        "p99 publish -> Kafka ack at 80% load",
        String.format(Locale.ROOT, "%.1f ms", paced.p99Millis()),
        "<= 50 ms",
        paced.p99Millis() <= 50);
    report.row("raw broker msg/s (QoS 1 pub-sub)", fmt(rawBroker.perSecond()), "", true);
    report.row("raw Kafka producer msg/s", fmt(rawKafka.perSecond()), "", true);
    report.row(
        "bridge / raw broker",
        String.format(Locale.ROOT, "%.2f", brokerRatio),
        ">= 0.80",
        brokerRatio >= 0.8);
    report.row(
        "bridge / raw Kafka producer", String.format(Locale.ROOT, "%.2f", kafkaRatio), "", true);
    return report;
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode put(
      BenchReport report, String name, RunResult run) {
    var node = report.section(name);
    node.put("messages", run.messages());
    node.put("delivered", run.delivered());
    node.put("lost", run.lost());
    node.put("duplicates", run.duplicates());
    node.put("seconds", run.seconds());
    node.put("perSecond", run.perSecond());
    node.put("p50Millis", run.p50Millis());
    node.put("p99Millis", run.p99Millis());
    return node;
  }

  private static String fmt(double perSecond) {
    return String.format(Locale.ROOT, "%.0f", perSecond);
  }
}
