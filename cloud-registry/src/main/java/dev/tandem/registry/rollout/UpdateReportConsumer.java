package dev.tandem.registry.rollout;

import dev.tandem.deploy.engine.ReportedStep;
import dev.tandem.deploy.engine.UpdateReport;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.message.MessageCodec;
import dev.tandem.protocol.stream.FleetStream;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.update.ReportedSteps;
import dev.tandem.protocol.v1.UpdateStep;
import dev.tandem.protocol.v1.UpdateStepReport;
import dev.tandem.registry.config.KafkaConfig;
import dev.tandem.registry.kafka.ConsumerThread;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Consumes {@code UpdateStepReport}s from {@link FleetStream#UPDATES} and queues them for the
 * engine's next tick. Offsets of queued reports are committed at most once a {@link
 * #COMMIT_INTERVAL}, not after every poll (each commit is a write for the broker's group
 * coordinator): a crash re-reads at most that much, and the engine ignores reports it has already
 * applied; a crash between queueing and the engine's flush loses at most those reports' progress
 * detail, and the state reports that follow (the version a device runs) settle where each device
 * is.
 */
@ApplicationScoped
public class UpdateReportConsumer {
  private static final Logger LOG = Logger.getLogger(UpdateReportConsumer.class);
  static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);

  private final KafkaConfig kafka;
  private final RolloutConfig config;
  private final RolloutService service;
  private final MeterRegistry meters;
  private volatile ConsumerThread consumer;
  private long lastCommitNanos = System.nanoTime(); // the consumer thread's own
  private boolean uncommitted;

  UpdateReportConsumer(
      KafkaConfig kafka, RolloutConfig config, RolloutService service, MeterRegistry meters) {
    this.kafka = kafka;
    this.config = config;
    this.service = service;
    this.meters = meters;
  }

  void onStart(@Observes StartupEvent event) {
    if (!config.enabled()) {
      return;
    }
    consumer =
        ConsumerThread.start(
            kafka,
            config.updateConsumer().groupId(),
            "tandem-registry-update-reports",
            FleetStream.UPDATES.kafkaTopic(),
            Duration.ofMillis(200),
            "rollout-update-reports",
            (c, records) -> {
              for (ConsumerRecord<String, byte[]> record : records) {
                decode(record).forEach(this::offer);
              }
              uncommitted |= !records.isEmpty();
              if (uncommitted && System.nanoTime() - lastCommitNanos >= COMMIT_INTERVAL.toNanos()) {
                c.commitAsync();
                uncommitted = false;
                lastCommitNanos = System.nanoTime();
              }
            });
  }

  void onStop(@Observes ShutdownEvent event) throws InterruptedException {
    ConsumerThread current = consumer;
    if (current != null) {
      current.stop();
    }
  }

  private void offer(UpdateReport report) {
    try {
      service.reader().offer(report);
      count("queued");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WakeupException();
    }
  }

  /** The report's steps, oldest first: a device may coalesce several into one message. */
  private List<UpdateReport> decode(ConsumerRecord<String, byte[]> record) {
    UpdateStepReport report;
    try {
      report =
          record.key() != null && DeviceId.isValid(record.key())
              ? MessageCodec.UPDATE_STEP.decode(record.value(), DeviceId.of(record.key()))
              : MessageCodec.UPDATE_STEP.decode(record.value());
    } catch (ProtocolException e) {
      count("malformed");
      LOG.warnf(
          "rollouts: skipped %s-%d offset %d: %s",
          record.topic(), record.partition(), record.offset(), e.getMessage());
      return List.of();
    }
    if (report.getRolloutId().isEmpty()) {
      count("ignored");
      return List.of();
    }
    List<UpdateReport> reports = reports(report, record.timestamp());
    if (reports.size() < report.getEarlierStepsCount() + 1) {
      count("ignored");
    }
    return reports;
  }

  /**
   * The steps {@code report} carries as engine reports, oldest first, each at the time it was
   * reached (counted back from {@code receivedMillis}); steps the engine does not know are left
   * out.
   */
  static List<UpdateReport> reports(UpdateStepReport report, long receivedMillis) {
    List<UpdateReport> reports = new ArrayList<>(report.getEarlierStepsCount() + 1);
    for (ReportedSteps.Step reached : ReportedSteps.of(report)) {
      step(reached.step())
          .ifPresent(
              step ->
                  reports.add(
                      new UpdateReport(
                          report.getHeader().getDeviceId(),
                          report.getRolloutId(),
                          report.getModel(),
                          report.getVersion(),
                          step,
                          reached.reason(),
                          Instant.ofEpochMilli(receivedMillis - reached.millisBeforeReport()))));
    }
    return reports;
  }

  private static Optional<ReportedStep> step(UpdateStep step) {
    return switch (step) {
      case UPDATE_STEP_RECEIVED -> Optional.of(ReportedStep.RECEIVED);
      case UPDATE_STEP_DOWNLOADING -> Optional.of(ReportedStep.DOWNLOADING);
      case UPDATE_STEP_VERIFIED -> Optional.of(ReportedStep.VERIFIED);
      case UPDATE_STEP_STAGED -> Optional.of(ReportedStep.STAGED);
      case UPDATE_STEP_ACTIVE -> Optional.of(ReportedStep.ACTIVE);
      case UPDATE_STEP_FAILED -> Optional.of(ReportedStep.FAILED);
      case UPDATE_STEP_REVERTED -> Optional.of(ReportedStep.REVERTED);
      default -> Optional.empty();
    };
  }

  private void count(String outcome) {
    meters.counter("tandem.rollouts.update-reports", "outcome", outcome).increment();
  }
}
