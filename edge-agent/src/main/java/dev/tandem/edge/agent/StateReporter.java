package dev.tandem.edge.agent;

import dev.tandem.edge.metrics.Metric;
import dev.tandem.edge.outbox.Outbox;
import dev.tandem.edge.outbox.OutboxStats;
import dev.tandem.edge.output.OutputCounters;
import dev.tandem.edge.update.UpdateClient;
import dev.tandem.edge.uplink.MqttUplink;
import dev.tandem.protocol.message.Headers;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.v1.DeviceStateReport;
import dev.tandem.protocol.v1.Health;
import dev.tandem.protocol.v1.LinkState;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the agent says about itself: the retained state message, its last will, and the metrics
 * endpoint, all from the same counters.
 */
final class StateReporter {
  static final String AGENT_VERSION = agentVersion();

  private final DeviceId deviceId;
  private final Outbox outbox;
  private final OutputCounters outputs;
  private final List<StreamRunner> runners;
  private final InstantSource clock;
  private MqttUplink uplink;
  private UpdateClient updates;

  StateReporter(
      DeviceId deviceId,
      Outbox outbox,
      OutputCounters outputs,
      List<StreamRunner> runners,
      InstantSource clock) {
    this.deviceId = deviceId;
    this.outbox = outbox;
    this.outputs = outputs;
    this.runners = runners;
    this.clock = clock;
  }

  void attach(MqttUplink uplink) {
    this.uplink = uplink;
  }

  void attach(UpdateClient updates) {
    this.updates = updates;
  }

  /** A state report carrying {@code sequence}. */
  byte[] stateReport(long sequence) {
    return report(sequence, linkState()).toByteArray();
  }

  /** The report the broker publishes for us if we drop: link offline. */
  byte[] lastWill() {
    return report(outbox.reserveSequence(), LinkState.LINK_STATE_OFFLINE).toByteArray();
  }

  private DeviceStateReport report(long sequence, LinkState link) {
    OutboxStats stats = outbox.stats();
    long invalid = outputs.invalidReadings();
    return DeviceStateReport.newBuilder()
        .setHeader(Headers.create(deviceId, sequence, clock.instant()))
        .setAgentVersion(AGENT_VERSION)
        .setHealth(
            invalid > 0 || outputs.refusedByOutbox() > 0
                ? Health.HEALTH_DEGRADED
                : Health.HEALTH_OK)
        .setHealthDetail(invalid > 0 ? invalid + " invalid readings refused" : "")
        .setOutboxDepth(stats.depth())
        .setOutboxBytes(stats.bytesOnDisk())
        .setOldestItemAgeMs(stats.oldestAgeMillis())
        .setLinkState(link)
        .putAllCounters(counters())
        .putAllModelVersions(updates == null ? Map.of() : updates.modelVersions())
        .build();
  }

  private LinkState linkState() {
    if (uplink == null) {
      return LinkState.LINK_STATE_UNSPECIFIED;
    }
    return switch (uplink.state()) {
      case ONLINE -> LinkState.LINK_STATE_ONLINE;
      case CONNECTING -> LinkState.LINK_STATE_DEGRADED;
      case OFFLINE, STOPPED -> LinkState.LINK_STATE_OFFLINE;
    };
  }

  Map<String, Long> counters() {
    Map<String, Long> counters = new LinkedHashMap<>();
    long readings = 0;
    long late = 0;
    for (StreamRunner runner : runners) {
      readings += runner.pipeline().readings();
      late += runner.pipeline().lateReadings();
    }
    OutboxStats stats = outbox.stats();
    counters.put("readings_in", readings);
    counters.put("readings_invalid", outputs.invalidReadings());
    counters.put("readings_late", late);
    counters.put("summaries", outputs.summaries());
    counters.put("events", outputs.events());
    counters.put("sample_batches", outputs.sampleBatches());
    counters.put("sample_batches_over_budget", outputs.samplesOverBudget());
    counters.put("outbox_refused", outputs.refusedByOutbox());
    counters.put("messages_sent", uplink == null ? 0 : uplink.published());
    counters.put("bytes_sent", uplink == null ? 0 : uplink.bytesSent());
    counters.put("raw_bytes_equivalent", outputs.rawBytesEquivalent());
    counters.put("outbox_shed_samples", stats.shed(dev.tandem.edge.outbox.MessageClass.SAMPLE));
    counters.put("outbox_shed_summaries", stats.shed(dev.tandem.edge.outbox.MessageClass.SUMMARY));
    counters.put("outbox_shed_events", stats.shed(dev.tandem.edge.outbox.MessageClass.EVENT));
    if (updates != null) {
      counters.putAll(updates.counters());
    }
    return counters;
  }

  List<Metric> metrics() {
    List<Metric> metrics = new ArrayList<>();
    Map<String, Long> counters = counters();
    counters.forEach(
        (name, value) ->
            metrics.add(
                Metric.counter("tandem_agent_" + name + "_total", name.replace('_', ' '), value)));
    OutboxStats stats = outbox.stats();
    metrics.add(
        Metric.gauge("tandem_agent_outbox_depth", "messages waiting in the outbox", stats.depth()));
    metrics.add(
        Metric.gauge(
            "tandem_agent_outbox_bytes", "bytes the outbox uses on disk", stats.bytesOnDisk()));
    metrics.add(
        Metric.gauge(
            "tandem_agent_outbox_oldest_age_seconds",
            "age of the oldest unsent message",
            stats.oldestAgeMillis() / 1000.0));
    metrics.add(
        Metric.gauge(
            "tandem_agent_link_online",
            "1 when connected to the broker",
            linkState() == LinkState.LINK_STATE_ONLINE ? 1 : 0));
    return metrics;
  }

  private static String agentVersion() {
    String version = StateReporter.class.getPackage().getImplementationVersion();
    return version == null ? "0.1.0-dev" : version;
  }
}
