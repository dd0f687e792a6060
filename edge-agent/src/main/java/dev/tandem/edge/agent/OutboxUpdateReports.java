package dev.tandem.edge.agent;

import dev.tandem.edge.outbox.MessageClass;
import dev.tandem.edge.outbox.Outbox;
import dev.tandem.edge.update.UpdateReporter;
import dev.tandem.protocol.message.Headers;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.topic.TopicKind;
import dev.tandem.protocol.v1.UpdateStep;
import java.time.InstantSource;
import java.util.logging.Logger;

/**
 * Publishes update steps through the outbox, in the event class (never shed before summaries), so
 * that a step reached offline is reported when the link is back.
 */
final class OutboxUpdateReports implements UpdateReporter {
  private static final Logger LOG = Logger.getLogger(OutboxUpdateReports.class.getName());

  private final DeviceId deviceId;
  private final Outbox outbox;
  private final InstantSource clock;
  private final Runnable sendNow;
  private final Runnable reportState;

  OutboxUpdateReports(
      DeviceId deviceId,
      Outbox outbox,
      InstantSource clock,
      Runnable sendNow,
      Runnable reportState) {
    this.deviceId = deviceId;
    this.outbox = outbox;
    this.clock = clock;
    this.sendNow = sendNow;
    this.reportState = reportState;
  }

  @Override
  public void step(
      String rolloutId,
      String model,
      String version,
      UpdateStep step,
      String reason,
      long durationMillis) {
    try {
      outbox.append(
          MessageClass.EVENT,
          TopicKind.UPDATES,
          sequence ->
              UpdateReporter.encode(
                  Headers.create(deviceId, sequence, clock.instant()),
                  rolloutId,
                  model,
                  version,
                  step,
                  reason,
                  durationMillis));
      sendNow.run();
    } catch (RuntimeException e) {
      LOG.warning("update report " + step + " for " + model + " not queued: " + e.getMessage());
    }
  }

  @Override
  public void modelsChanged() {
    reportState.run();
  }
}
