package dev.tandem.edge.bench;

import dev.tandem.edge.config.SourceConfig.InjectedFault;
import dev.tandem.edge.config.SourceConfig.SimulatedProfile;
import dev.tandem.edge.detect.rule.ThresholdDetector;
import dev.tandem.edge.outbox.FsyncPolicy;
import dev.tandem.edge.outbox.Outbox;
import dev.tandem.edge.outbox.OutboxConfig;
import dev.tandem.edge.outbox.OutboxRecord;
import dev.tandem.edge.output.OutboxWriter;
import dev.tandem.edge.source.MutableReading;
import dev.tandem.edge.source.SimulatedSensor;
import dev.tandem.edge.stream.DetectorBinding;
import dev.tandem.edge.stream.StreamPipeline;
import dev.tandem.edge.stream.ValueRange;
import dev.tandem.edge.window.WindowSpec;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.topic.TopicKind;
import dev.tandem.protocol.v1.Event;
import dev.tandem.protocol.v1.EventKind;
import dev.tandem.protocol.v1.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Uplink reduction for a 100 Hz vibration sensor with 10 s windows: bytes the raw stream would need
 * (one protobuf {@code Reading} per reading) against the bytes of the messages the agent actually
 * queues for sending (summaries and events with their context), and the share of injected bearing
 * faults that produced an event.
 */
public final class UplinkReduction {
  private static final long START = 1_700_000_000_000L;

  private UplinkReduction() {}

  /**
   * @param rawBytes what sending every reading would take
   * @param sentBytes payload bytes of every message queued for the uplink
   * @param faultsDetected injected faults with at least one event inside them (or within 1 s)
   */
  public record Result(
      long readings, long rawBytes, long sentBytes, long messages, int faults, int faultsDetected) {
    public double reduction() {
      return (double) rawBytes / sentBytes;
    }

    public double recall() {
      return faults == 0 ? 1 : (double) faultsDetected / faults;
    }
  }

  /**
   * @param hours event time to simulate
   * @param faultsPerHour injected bearing faults, 10 s each, at seeded random times
   */
  public static Result run(Path scratch, double hours, int faultsPerHour) throws IOException {
    double seconds = hours * 3600;
    var random = new SplittableRandom(11);
    List<InjectedFault> faults = new ArrayList<>();
    int count = (int) Math.round(hours * faultsPerHour);
    for (int i = 0; i < count; i++) {
      double slot = seconds / count;
      faults.add(
          new InjectedFault(
              "bearing-fault", i * slot + 30 + random.nextDouble() * (slot - 60), 10, 4));
    }
    long readings = (long) (seconds * 100);
    var sensor =
        new SimulatedSensor(SimulatedProfile.VIBRATION, 100, 5, faults, START, readings, false);
    InstantSource clock = InstantSource.fixed(java.time.Instant.ofEpochMilli(START));
    // Bytes do not depend on fsync; NEVER hands every record out at once, without waiting for a
    // tick.
    var outboxConfig =
        OutboxConfig.defaults(scratch, 1L << 30)
            .withFsync(FsyncPolicy.NEVER, Duration.ofSeconds(1));
    try (Outbox outbox = Outbox.open(outboxConfig, clock)) {
      var writer = new OutboxWriter(DeviceId.of("bench-vibration"), outbox, clock, 0, () -> {});
      var pipeline =
          new StreamPipeline(
              "spindle.vibration",
              new ValueRange(-100, 100),
              List.of(),
              List.of(
                  new DetectorBinding(
                      new ThresholdDetector(-2.5, 2.5, 0.5, 1, 200),
                      EventKind.EVENT_KIND_THRESHOLD,
                      Severity.SEVERITY_WARNING)),
              WindowSpec.tumbling(Duration.ofSeconds(10), Duration.ZERO),
              32,
              8, // the agent's default readings after each event
              0,
              1,
              writer);
      var reading = new MutableReading();
      while (sensor.next(reading)) {
        pipeline.accept(reading.timestampMillis, reading.value);
      }
      pipeline.flush();
      long sent = 0;
      long messages = 0;
      List<Long> eventTimes = new ArrayList<>();
      for (List<OutboxRecord> batch = outbox.poll(1000);
          !batch.isEmpty();
          batch = outbox.poll(1000)) {
        for (OutboxRecord record : batch) {
          sent += record.payload().length;
          messages++;
          if (record.kind() == TopicKind.EVENTS) {
            eventTimes.add(Event.parseFrom(record.payload()).getOccurredAtMs());
          }
          outbox.acknowledge(record.sequence());
        }
      }
      int detected = 0;
      for (InjectedFault fault : faults) {
        long from = START + (long) (fault.atSeconds() * 1000);
        long to = from + (long) (fault.durationSeconds() * 1000) + 1000;
        if (eventTimes.stream().anyMatch(t -> t >= from && t <= to)) {
          detected++;
        }
      }
      return new Result(
          readings,
          writer.counters().rawBytesEquivalent(),
          sent,
          messages,
          faults.size(),
          detected);
    }
  }
}
