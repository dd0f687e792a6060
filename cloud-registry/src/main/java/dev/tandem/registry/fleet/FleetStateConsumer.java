package dev.tandem.registry.fleet;

import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.message.MessageCodec;
import dev.tandem.protocol.stream.FleetStream;
import dev.tandem.protocol.stream.RecordHeaderNames;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.v1.DeviceStateReport;
import dev.tandem.registry.config.KafkaConfig;
import dev.tandem.registry.kafka.ConsumerThread;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * Consumes {@code DeviceStateReport}s from {@link FleetStream#STATE} and applies them with {@link
 * StateReports}, at least once: offsets are committed after the database has the state. Records
 * that can never apply (malformed, wrong device) are counted and skipped; dead-lettering them is
 * the ingest bridge's job. While the database is down the consumer waits and retries the same
 * record.
 */
@ApplicationScoped
public class FleetStateConsumer {

  private static final Logger LOG = Logger.getLogger(FleetStateConsumer.class);

  private final KafkaConfig kafka;
  private final FleetConfig config;
  private final StateReports reports;
  private final MeterRegistry meters;
  private final Instance<StateReportListener> listeners;
  private volatile ConsumerThread consumer;

  FleetStateConsumer(
      KafkaConfig kafka,
      FleetConfig config,
      StateReports reports,
      MeterRegistry meters,
      Instance<StateReportListener> listeners) {
    this.kafka = kafka;
    this.config = config;
    this.reports = reports;
    this.meters = meters;
    this.listeners = listeners;
  }

  void onStart(@Observes StartupEvent event) {
    if (!config.stateConsumer().enabled()) {
      LOG.info("fleet state: consumer disabled (tandem.fleet.state-consumer.enabled=false)");
      return;
    }
    consumer =
        ConsumerThread.start(
            kafka,
            config.stateConsumer().groupId(),
            "tandem-registry-fleet-state",
            FleetStream.STATE.kafkaTopic(),
            Duration.ofMillis(500),
            "fleet-state-consumer",
            (c, records) -> {
              // One commit per poll for every partition applied: a commit per partition costs the
              // broker's group coordinator a write each.
              Map<TopicPartition, OffsetAndMetadata> applied = new HashMap<>();
              try {
                for (TopicPartition partition : records.partitions()) {
                  if (!applyPartition(c, partition, records.records(partition), applied)) {
                    break;
                  }
                }
              } finally {
                if (!applied.isEmpty()) {
                  c.commitSync(applied);
                }
              }
            });
  }

  void onStop(@Observes ShutdownEvent event) throws InterruptedException {
    ConsumerThread current = consumer;
    if (current != null) {
      current.stop();
    }
  }

  /**
   * Applies one partition's records, noting in {@code applied} the offset to commit; false if the
   * database failed and the rest must wait.
   */
  private boolean applyPartition(
      KafkaConsumer<String, byte[]> c,
      TopicPartition partition,
      List<ConsumerRecord<String, byte[]>> records,
      Map<TopicPartition, OffsetAndMetadata> applied) {
    long next = -1;
    try {
      for (ConsumerRecord<String, byte[]> record : records) {
        apply(record);
        next = record.offset() + 1;
      }
      return true;
    } catch (RuntimeException e) {
      long failed = next < 0 ? records.get(0).offset() : next;
      LOG.warnf(
          "fleet state: cannot apply %s offset %d, retrying: %s",
          partition, failed, e.getMessage());
      c.seek(partition, failed);
      pause();
      return false;
    } finally {
      if (next >= 0) {
        applied.put(partition, new OffsetAndMetadata(next));
      }
    }
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    DeviceStateReport report;
    try {
      report =
          record.key() != null && DeviceId.isValid(record.key())
              ? MessageCodec.DEVICE_STATE.decode(record.value(), DeviceId.of(record.key()))
              : MessageCodec.DEVICE_STATE.decode(record.value());
    } catch (ProtocolException e) {
      count("malformed");
      LOG.warnf(
          "fleet state: skipped %s-%d offset %d: %s",
          record.topic(), record.partition(), record.offset(), e);
      return;
    }
    Instant receivedAt = receivedAt(record);
    StateReports.Outcome outcome = reports.apply(report, receivedAt);
    count(outcome.name().toLowerCase(java.util.Locale.ROOT));
    if (outcome == StateReports.Outcome.APPLIED) {
      for (StateReportListener listener : listeners) {
        listener.onStateReport(report, receivedAt);
      }
    }
    if (outcome == StateReports.Outcome.UNKNOWN_DEVICE) {
      LOG.debugf("fleet state: no active device %s", report.getHeader().getDeviceId());
    }
  }

  private void count(String outcome) {
    meters.counter("tandem.fleet.state.reports", "outcome", outcome).increment();
  }

  private static Instant receivedAt(ConsumerRecord<String, byte[]> record) {
    Header header = record.headers().lastHeader(RecordHeaderNames.RECEIVED_AT_MS);
    if (header != null) {
      try {
        return Instant.ofEpochMilli(
            Long.parseLong(new String(header.value(), StandardCharsets.UTF_8)));
      } catch (NumberFormatException e) {
        // Fall back to the record's own timestamp.
      }
    }
    return Instant.ofEpochMilli(record.timestamp());
  }

  private void pause() {
    try {
      Thread.sleep(config.stateConsumer().retryBackoff().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WakeupException(); // ends the consumer's loop, as shutting down does
    }
  }
}
