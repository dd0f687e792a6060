package dev.tandem.trainer.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.servers.KafkaEndpoint;
import dev.tandem.testkit.RealServers;
import dev.tandem.trainer.model.CancellationFlag;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Two workers in one consumer group against a real Kafka broker. */
class TrainingJobWorkerTest {
  static final String JOB =
      """
      model: vibration-%d
      version: 1.0.0
      data: {source: synthetic-vibration, examples: 400, window: 16}
      teacher: {hidden: [16]}
      student: {hidden: [4]}
      training: {epochs: 2}
      optimization: {fine-tune-epochs: 1, tolerance: 100}
      """;

  @Test
  void eachJobRunsOnce_acrossTheGroup_andBadJobsReportTheirReason() throws Exception {
    KafkaEndpoint kafka = RealServers.stack().kafka();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(TrainingJobWorker.JOBS_TOPIC, 2, (short) 1),
                  new NewTopic(TrainingJobWorker.RESULTS_TOPIC, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka.bootstrapServers());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < 4; i++) {
        producer.send(
            new ProducerRecord<>(TrainingJobWorker.JOBS_TOPIC, "job-" + i, JOB.formatted(i)));
      }
      producer.send(
          new ProducerRecord<>(
              TrainingJobWorker.JOBS_TOPIC, "job-bad", "model: x\ndata: {source: csv}\n"));
      producer.flush();
    }
    CancellationFlag stop = new CancellationFlag();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<TrainingJobWorker> workers = List.of(worker(kafka, "a"), worker(kafka, "b"));
    for (TrainingJobWorker w : workers) {
      pool.submit(() -> w.run(stop));
    }
    Map<String, JsonNode> results = new HashMap<>();
    int seen = 0;
    Properties c = new Properties();
    c.put("bootstrap.servers", kafka.bootstrapServers());
    c.put("group.id", "results-reader");
    c.put("auto.offset.reset", "earliest");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(TrainingJobWorker.RESULTS_TOPIC));
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (results.size() < 5 && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          results.put(r.key(), Outputs.JSON.readTree(r.value()));
          seen++;
        }
      }
    } finally {
      stop.cancel();
      pool.shutdown();
      assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
      workers.forEach(TrainingJobWorker::close);
    }
    assertThat(results).containsOnlyKeys("job-0", "job-1", "job-2", "job-3", "job-bad");
    assertThat(seen).as("one result per job").isEqualTo(5);
    for (int i = 0; i < 4; i++) {
      assertThat(results.get("job-" + i).path("status").asText()).isEqualTo("succeeded");
      assertThat(results.get("job-" + i).path("model").asText()).isEqualTo("vibration-" + i);
    }
    JsonNode bad = results.get("job-bad");
    assertThat(bad.path("status").asText()).isEqualTo("failed");
    assertThat(bad.path("code").asText()).isEqualTo("trainer.bad-config");
    assertThat(bad.path("message").asText()).startsWith("data.source");
  }

  private static TrainingJobWorker worker(KafkaEndpoint kafka, String id) {
    return new TrainingJobWorker(
        kafka.bootstrapServers(),
        id,
        new JobConfigReader(Clock.systemUTC()),
        (config, flag) -> new TrainingJob(config, l -> {}, flag).run(),
        l -> System.out.println(l),
        1,
        Duration.ofMillis(100));
  }
}
