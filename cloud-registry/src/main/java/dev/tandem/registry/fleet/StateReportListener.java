package dev.tandem.registry.fleet;

import dev.tandem.protocol.v1.DeviceStateReport;
import java.time.Instant;

/**
 * Told of every device state report {@link FleetStateConsumer} applied, so that other features
 * (rollout health gates) read the one consumer of the state topic instead of adding their own.
 * Called on the consumer's thread: return quickly.
 */
public interface StateReportListener {
  void onStateReport(DeviceStateReport report, Instant receivedAt);
}
