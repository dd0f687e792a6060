package dev.tandem.servers.probe;

import dev.tandem.servers.KafkaEndpoint;
import dev.tandem.servers.ServerKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces one record with {@code acks=all} and reads it back from its offset. */
public final class KafkaProbe implements ServerProbe {
  static final String TOPIC = "tandem.probe";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final KafkaEndpoint endpoint;

  public KafkaProbe(KafkaEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public ServerKind kind() {
    return ServerKind.KAFKA;
  }

  @Override
  public String check() throws Exception {
    String clusterId;
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", endpoint.bootstrapServers()))) {
      clusterId = admin.describeCluster().clusterId().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      createTopic(admin);
    }
    String value = UUID.randomUUID().toString();
    RecordMetadata written;
    try (var producer =
        new KafkaProducer<>(producerProps(), new StringSerializer(), new StringSerializer())) {
      written =
          producer
              .send(new ProducerRecord<>(TOPIC, "probe", value))
              .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
    var partition = new TopicPartition(TOPIC, written.partition());
    try (var consumer =
        new KafkaConsumer<>(consumerProps(), new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seek(partition, written.offset());
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          if (value.equals(record.value())) {
            return "cluster %s: produced and consumed offset %d of %s"
                .formatted(clusterId, written.offset(), partition);
          }
        }
      }
    }
    throw new IllegalStateException(
        "record written at offset " + written.offset() + " never read back");
  }

  private static void createTopic(Admin admin) throws Exception {
    try {
      admin
          .createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)))
          .all()
          .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  private Properties producerProps() {
    Properties p = new Properties();
    p.put("bootstrap.servers", endpoint.bootstrapServers());
    p.put("acks", "all");
    p.put("request.timeout.ms", "10000");
    p.put("delivery.timeout.ms", String.valueOf(TIMEOUT.toMillis()));
    return p;
  }

  private Properties consumerProps() {
    Properties p = new Properties();
    p.put("bootstrap.servers", endpoint.bootstrapServers());
    p.put("enable.auto.commit", "false");
    return p;
  }
}
