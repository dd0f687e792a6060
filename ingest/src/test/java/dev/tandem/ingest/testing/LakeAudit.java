package dev.tandem.ingest.testing;

import dev.tandem.ingest.lake.LakeReader;
import dev.tandem.ingest.lake.TimeRange;
import dev.tandem.ingest.lake.dataset.LakeDatasets;
import dev.tandem.protocol.stream.FleetStream;
import dev.tandem.protocol.stream.RecordHeaderNames;
import dev.tandem.servers.KafkaEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The lake side of the end-to-end audit: every (device, sequence) that Kafka holds for a lake
 * dataset must be in the lake, and exactly once, however often the bridge delivered it.
 */
public final class LakeAudit {
  /** What the audit found for one dataset. */
  public record Finding(String dataset, long inKafka, long inLake, long duplicates, long missing) {}

  private LakeAudit() {}

  /** Waits up to {@code timeout} for the lake to hold everything Kafka holds, then compares. */
  public static List<Finding> audit(
      KafkaEndpoint kafka, LakeReader lake, String prefix, Duration timeout)
      throws InterruptedException {
    Map<FleetStream, Function<LakeReader, List<String>>> datasets =
        Map.of(
            FleetStream.TELEMETRY,
            r ->
                r.read(LakeDatasets.TELEMETRY, TimeRange.ALL).stream()
                    .map(row -> row.deviceId() + "#" + row.sequence())
                    .toList(),
            FleetStream.EVENTS,
            r ->
                r.read(LakeDatasets.EVENTS, TimeRange.ALL).stream()
                    .map(row -> row.deviceId() + "#" + row.sequence())
                    .toList(),
            FleetStream.SAMPLES,
            r ->
                r.read(LakeDatasets.SAMPLES, TimeRange.ALL).stream()
                    .filter(row -> row.readingIndex() == 0)
                    .map(row -> row.deviceId() + "#" + row.sequence())
                    .toList());
    List<Finding> findings = new ArrayList<>();
    for (var dataset : datasets.entrySet()) {
      Set<String> inKafka = new HashSet<>();
      for (var record :
          KafkaRecords.read(
              kafka,
              dataset.getKey().kafkaTopic(),
              r -> KafkaRecords.key(r).startsWith(prefix),
              0,
              Duration.ofSeconds(20),
              Duration.ofSeconds(1))) {
        inKafka.add(
            KafkaRecords.key(record)
                + "#"
                + KafkaRecords.header(record, RecordHeaderNames.SEQUENCE));
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      List<String> rows;
      while (true) {
        rows = dataset.getValue().apply(lake).stream().filter(k -> k.startsWith(prefix)).toList();
        if (new HashSet<>(rows).containsAll(inKafka) || System.nanoTime() > deadline) {
          break;
        }
        Thread.sleep(1_000);
      }
      Set<String> distinct = new HashSet<>(rows);
      Set<String> missing = new HashSet<>(inKafka);
      missing.removeAll(distinct);
      findings.add(
          new Finding(
              dataset.getKey().name(),
              inKafka.size(),
              rows.size(),
              rows.size() - distinct.size(),
              missing.size()));
    }
    return findings;
  }
}
