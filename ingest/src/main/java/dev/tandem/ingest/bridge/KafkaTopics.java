package dev.tandem.ingest.bridge;

import dev.tandem.protocol.stream.FleetStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the fleet topics and the dead-letter topic if they do not exist yet. */
final class KafkaTopics {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaTopics.class);

  private KafkaTopics() {}

  static void ensure(KafkaSettings kafka, Set<FleetStream> streams, Duration timeout) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    List<NewTopic> topics = new ArrayList<>();
    for (FleetStream stream : streams) {
      topics.add(newTopic(stream.kafkaTopic(), kafka));
    }
    // Dead letters are kept longer: they are evidence for whoever fixes the device.
    topics.add(
        newTopic(FleetStream.DEAD_LETTER_TOPIC, kafka)
            .configs(Map.of("retention.ms", Long.toString(Duration.ofDays(30).toMillis()))));
    try (Admin admin = Admin.create(props)) {
      // One request for all topics; each answers on its own (most already exist after the first
      // start).
      var results = admin.createTopics(topics).values();
      for (NewTopic topic : topics) {
        try {
          results.get(topic.name()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
          LOG.info("Created Kafka topic {} ({} partitions)", topic.name(), topic.numPartitions());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException(
                "cannot create Kafka topic " + topic.name() + ": " + e.getCause().getMessage(),
                e.getCause());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating Kafka topics", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Kafka at " + kafka.bootstrapServers() + " did not answer within " + timeout, e);
    }
  }

  private static NewTopic newTopic(String name, KafkaSettings kafka) {
    return new NewTopic(name, kafka.partitions(), kafka.replicationFactor());
  }
}
