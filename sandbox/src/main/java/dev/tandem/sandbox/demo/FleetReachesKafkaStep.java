package dev.tandem.sandbox.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tandem.edge.fleet.FleetSpec;
import dev.tandem.protocol.message.MessageCodec;
import dev.tandem.protocol.stream.FleetStream;
import dev.tandem.protocol.stream.RecordHeaderNames;
import dev.tandem.sandbox.run.Sandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A small fleet publishes through the broker; the ingest bridge must put each device's summaries
 * into the Kafka telemetry topic, keyed by device id, with sequence headers, decoding under the
 * protocol schema.
 */
final class FleetReachesKafkaStep implements DemoStep {
  static final String COMPONENT = "ingest";
  static final String DEVICE_PREFIX = "demo-ingest";
  private static final int DEVICES = 2;
  private static final Duration TIMEOUT = Duration.ofSeconds(45);

  @Override
  public String name() {
    return "fleet summaries reach Kafka through the bridge";
  }

  @Override
  public Optional<String> component() {
    return Optional.of(COMPONENT);
  }

  @Override
  public String run(Sandbox sandbox) throws Exception {
    var spec =
        new FleetSpec(
            DEVICES,
            DEVICE_PREFIX,
            sandbox.stack().mqtt().serverUri(),
            sandbox.config().dataDir().resolve("fleet"),
            Duration.ofSeconds(1),
            11,
            Duration.ofSeconds(60));
    Map<String, Set<Long>> sequences = new TreeMap<>();
    long start = System.nanoTime();
    try (var fleet = StreamingFleet.start(sandbox, spec);
        var consumer = consumer(sandbox.stack().kafka().bootstrapServers())) {
      String topic = FleetStream.TELEMETRY.kafkaTopic();
      List<TopicPartition> partitions = new ArrayList<>();
      consumer
          .partitionsFor(topic, Duration.ofSeconds(10))
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (System.nanoTime() - start < TIMEOUT.toNanos()) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          String device = new String(record.key(), UTF_8);
          if (device.startsWith(DEVICE_PREFIX)) {
            MessageCodec.WINDOW_SUMMARY.decode(record.value());
            String sequence =
                new String(record.headers().lastHeader(RecordHeaderNames.SEQUENCE).value(), UTF_8);
            sequences.computeIfAbsent(device, d -> new TreeSet<>()).add(Long.parseLong(sequence));
          }
        }
        if (sequences.size() == DEVICES
            && sequences.values().stream().allMatch(s -> s.size() >= 2)) {
          return "%d agents: %s summaries in %s after %.1f s"
              .formatted(
                  DEVICES,
                  sequences.values().stream().mapToInt(Set::size).sum(),
                  topic,
                  (System.nanoTime() - start) / 1e9);
        }
      }
    }
    throw new IllegalStateException(
        "after " + TIMEOUT.toSeconds() + " s Kafka held summaries only from " + sequences.keySet());
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
