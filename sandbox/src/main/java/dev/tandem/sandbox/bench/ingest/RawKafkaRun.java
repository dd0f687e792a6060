package dev.tandem.sandbox.bench.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tandem.ingest.bridge.KafkaSettings;
import dev.tandem.ingest.bridge.ProducerSettings;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The other baseline: one producer with the bridge's exact settings sending the same records as
 * fast as Kafka acknowledges them.
 */
final class RawKafkaRun {
  static final String TOPIC = "bench.raw-producer";

  private RawKafkaRun() {}

  static RunResult run(KafkaSettings kafka, int devices, int perDevice) throws Exception {
    try (Admin admin =
        Admin.create(
            java.util.Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      admin
          .createTopics(List.of(new NewTopic(TOPIC, kafka.partitions(), kafka.replicationFactor())))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    DeliveryLog log = new DeliveryLog(devices, perDevice);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(ProducerSettings.forStreams(kafka))) {
      long start = System.nanoTime();
      for (long seq = 1; seq <= perDevice; seq++) {
        for (int device = 0; device < devices; device++) {
          int d = device;
          long s = seq;
          byte[] payload = BenchMessages.summary(device, seq);
          log.sent(device, seq);
          producer.send(
              new ProducerRecord<>(TOPIC, BenchMessages.deviceId(device).getBytes(UTF_8), payload),
              (metadata, error) -> {
                if (error == null) {
                  log.arrived(d, s);
                }
              });
        }
      }
      producer.flush();
      return RunResult.of(log, start);
    }
  }
}
