package dev.tandem.ingest.lake.dataset;

import dev.tandem.protocol.stream.FleetStream;
import java.util.List;
import java.util.Optional;

/** The tables the lake keeps. */
public final class LakeDatasets {
  /** {@code telemetry}: window summaries from {@link FleetStream#TELEMETRY}. */
  public static final LakeDataset<TelemetryRow> TELEMETRY = new TelemetryDataset();

  /** {@code events}: events from {@link FleetStream#EVENTS}. */
  public static final LakeDataset<EventRow> EVENTS = new EventsDataset();

  /** {@code samples}: raw readings from {@link FleetStream#SAMPLES}, one row per reading. */
  public static final LakeDataset<SampleRow> SAMPLES = new SamplesDataset();

  private static final List<LakeDataset<?>> ALL = List.of(TELEMETRY, EVENTS, SAMPLES);

  private LakeDatasets() {}

  /** Every table, in a fixed order. */
  public static List<LakeDataset<?>> all() {
    return ALL;
  }

  /** The table called {@code name}, e.g. {@code events}. */
  public static Optional<LakeDataset<?>> byName(String name) {
    return ALL.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /** The table fed from Kafka topic {@code topic}. */
  public static Optional<LakeDataset<?>> byKafkaTopic(String topic) {
    return ALL.stream().filter(d -> d.stream().kafkaTopic().equals(topic)).findFirst();
  }
}
