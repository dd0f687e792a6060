package dev.tandem.trainer.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.config.ConfigError;
import dev.tandem.trainer.TrainerError;
import dev.tandem.trainer.TrainerException;
import dev.tandem.trainer.model.CancellationFlag;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A trainer worker: takes training jobs (the YAML of {@code ./tandem train --config}, keyed by a
 * job id) from {@link #JOBS_TOPIC} as a member of one consumer group, so each job goes to one
 * worker and adding workers (up to the topic's partition count) adds capacity. One job at a time;
 * its offset is committed only when it has finished, so a worker that dies mid-job leaves the job
 * to the next owner of the partition. Every finished job, succeeded or failed, gets one JSON line
 * on {@link #RESULTS_TOPIC} under the same key. A retriable failure (control plane or lake
 * unavailable) is tried again up to {@code attempts} times before it is reported as failed.
 */
public final class TrainingJobWorker implements AutoCloseable {
  public static final String JOBS_TOPIC = "tandem.training-jobs.v1";
  public static final String RESULTS_TOPIC = "tandem.training-results.v1";
  public static final String GROUP = "tandem-trainer";

  /** Runs one job; the default runs a {@link TrainingJob}. */
  public interface JobRunner {
    JobResult run(JobConfig config, CancellationFlag cancellation);
  }

  private final KafkaConsumer<String, String> consumer;
  private final KafkaProducer<String, String> producer;
  private final JobConfigReader reader;
  private final JobRunner runner;
  private final Consumer<String> log;
  private final String workerId;
  private final int attempts;
  private final Duration retryDelay;

  public TrainingJobWorker(
      String bootstrapServers,
      String workerId,
      JobConfigReader reader,
      JobRunner runner,
      Consumer<String> log,
      int attempts,
      Duration retryDelay) {
    this.workerId = workerId;
    this.reader = reader;
    this.runner = runner;
    this.log = log;
    this.attempts = attempts;
    this.retryDelay = retryDelay;
    Properties c = new Properties();
    c.put("bootstrap.servers", bootstrapServers);
    c.put("group.id", GROUP);
    c.put("client.id", "trainer-" + workerId);
    c.put("enable.auto.commit", "false");
    c.put("auto.offset.reset", "earliest");
    c.put("max.poll.records", "1");
    // A job may train for a long time between polls; the group must not evict the worker.
    c.put("max.poll.interval.ms", Integer.toString((int) Duration.ofHours(2).toMillis()));
    consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrapServers);
    p.put("acks", "all");
    p.put("client.id", "trainer-results-" + workerId);
    producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
  }

  /** A worker that runs each job as a {@link TrainingJob}, logging its lines. */
  public static TrainingJobWorker standard(
      String bootstrapServers, String workerId, Consumer<String> log) {
    return new TrainingJobWorker(
        bootstrapServers,
        workerId,
        new JobConfigReader(java.time.Clock.systemUTC()),
        (config, flag) -> new TrainingJob(config, log, flag).run(),
        log,
        3,
        Duration.ofSeconds(10));
  }

  /** Takes jobs until {@code stop} is set; the job running then is cancelled at its next batch. */
  public void run(CancellationFlag stop) {
    consumer.subscribe(List.of(JOBS_TOPIC));
    while (!stop.isCancelled()) {
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
        handle(record, stop);
        if (stop.isCancelled()) {
          return;
        }
      }
    }
  }

  private void handle(ConsumerRecord<String, String> record, CancellationFlag stop) {
    String job = record.key() == null ? "offset-" + record.offset() : record.key();
    log.accept(
        "worker "
            + workerId
            + ": job "
            + job
            + " from "
            + record.topic()
            + "-"
            + record.partition()
            + "@"
            + record.offset());
    ObjectNode result = Outputs.JSON.createObjectNode();
    result.put("job", job);
    result.put("worker", workerId);
    for (int attempt = 1; ; attempt++) {
      try {
        JobConfig config = reader.parse(record.value());
        JobResult r = runner.run(config, stop);
        result.put("status", "succeeded");
        result.put("model", r.model());
        result.put("version", r.version());
        result.set("registeredVariants", Outputs.JSON.valueToTree(r.registeredVariants()));
        break;
      } catch (ConfigError e) {
        fail(result, TrainerError.BAD_CONFIG.code(), e.getMessage());
        break;
      } catch (TrainerException e) {
        if (e.error() == TrainerError.CANCELLED && stop.isCancelled()) {
          // Stopping: leave the job uncommitted for the next owner of the partition.
          log.accept("worker " + workerId + ": stopping, job " + job + " left for another worker");
          return;
        }
        if (e.error().retriable() && attempt < attempts) {
          log.accept(
              "worker "
                  + workerId
                  + ": job "
                  + job
                  + " attempt "
                  + attempt
                  + " failed ("
                  + e.getMessage()
                  + "), retrying");
          sleep(retryDelay);
          continue;
        }
        fail(result, e.error().code(), e.getMessage());
        break;
      } catch (RuntimeException e) {
        fail(result, "trainer.internal", String.valueOf(e));
        break;
      }
    }
    String json = result.toString();
    producer.send(new ProducerRecord<>(RESULTS_TOPIC, job, json));
    producer.flush();
    consumer.commitSync(
        Map.of(
            new TopicPartition(record.topic(), record.partition()),
            new OffsetAndMetadata(record.offset() + 1)));
    log.accept("worker " + workerId + ": " + json);
  }

  private static void fail(ObjectNode result, String code, String message) {
    result.put("status", "failed");
    result.put("code", code);
    result.put("message", message);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    consumer.close();
    producer.close();
  }
}
