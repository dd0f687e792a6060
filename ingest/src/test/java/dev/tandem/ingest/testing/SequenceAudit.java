package dev.tandem.ingest.testing;

import dev.tandem.edge.agent.EdgeAgent;
import dev.tandem.edge.outbox.OutboxStats;
import dev.tandem.protocol.stream.FleetStream;
import dev.tandem.protocol.stream.RecordHeaderNames;
import dev.tandem.servers.KafkaEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An end-to-end audit by sequence numbers: what every (closed) agent's outbox says it sent and had
 * acknowledged by the broker, against what is in Kafka's fleet topics.
 */
public final class SequenceAudit {
  /** Per device: sequences expected but missing, and sequences seen more than once. */
  public record Result(Map<String, Set<Long>> missing, Map<String, Long> expected) {
    public long missingCount() {
      return missing.values().stream().mapToLong(Set::size).sum();
    }

    public long expectedCount() {
      return expected.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private SequenceAudit() {}

  /**
   * Audits closed agents: each must have nothing left unacknowledged and nothing shed, and every
   * sequence it assigned (except those reserved for a last will) must be in Kafka.
   */
  public static Result audit(List<EdgeAgent> closedAgents, KafkaEndpoint kafka, String prefix) {
    Map<String, Set<Long>> expected = new HashMap<>();
    for (EdgeAgent agent : closedAgents) {
      OutboxStats stats = agent.outbox().stats();
      if (stats.depth() != 0 || stats.shed() != 0) {
        throw new AssertionError(
            agent.config().deviceId() + " did not deliver everything to the broker: " + stats);
      }
      Set<Long> sequences = new TreeSet<>();
      for (long s = 1; s <= stats.lastSequence(); s++) {
        sequences.add(s);
      }
      sequences.removeAll(agent.outbox().reservedSequences());
      expected.put(agent.config().deviceId().value(), sequences);
    }
    long wanted = expected.values().stream().mapToLong(Set::size).sum();
    Map<String, Set<Long>> seen = new HashMap<>();
    for (FleetStream stream : FleetStream.values()) {
      var found =
          KafkaRecords.read(
              kafka,
              stream.kafkaTopic(),
              r -> KafkaRecords.key(r).startsWith(prefix),
              0,
              Duration.ofSeconds(30),
              Duration.ofSeconds(1));
      for (var record : found) {
        seen.computeIfAbsent(KafkaRecords.key(record), k -> new HashSet<>())
            .add(Long.parseLong(KafkaRecords.header(record, RecordHeaderNames.SEQUENCE)));
      }
    }
    Map<String, Set<Long>> missing = new HashMap<>();
    Map<String, Long> counts = new HashMap<>();
    for (var entry : expected.entrySet()) {
      Set<Long> gone = new TreeSet<>(entry.getValue());
      gone.removeAll(seen.getOrDefault(entry.getKey(), Set.of()));
      if (!gone.isEmpty()) {
        missing.put(entry.getKey(), gone);
      }
      counts.put(entry.getKey(), (long) entry.getValue().size());
    }
    if (wanted == 0) {
      throw new AssertionError("the fleet sent nothing: " + new ArrayList<>(expected.keySet()));
    }
    return new Result(missing, counts);
  }
}
