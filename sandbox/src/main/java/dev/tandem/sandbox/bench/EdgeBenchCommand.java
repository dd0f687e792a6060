package dev.tandem.sandbox.bench;

import dev.tandem.edge.bench.PipelineThroughput;
import dev.tandem.edge.bench.UplinkReduction;
import dev.tandem.edge.outbox.FsyncPolicy;
import dev.tandem.edge.outbox.OutboxBenchmark;
import dev.tandem.servers.Directories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./tandem bench edge}: pipeline throughput against a bare loop, uplink reduction with event
 * recall, agent memory, and the outbox's append and drain rates (to disk, and to a local broker
 * against raw MQTT publishing in the same run).
 */
@Command(name = "edge", mixinStandardHelpOptions = true, description = "Edge agent benchmarks.")
public final class EdgeBenchCommand implements Callable<Integer> {
  @Option(names = "--json", paramLabel = "FILE", description = "Also write the JSON here.")
  Path json;

  @Option(
      names = "--readings",
      defaultValue = "50000000",
      description = "Readings per throughput pass.")
  long readings;

  @Option(
      names = "--drain-messages",
      defaultValue = "200000",
      description = "Messages queued offline, then drained to the broker.")
  int drainMessages;

  @Override
  public Integer call() throws Exception {
    var report = new BenchReport("edge");
    Path scratch = Files.createTempDirectory("tandem-bench-edge-");
    try {
      System.err.println("[1/5] pipeline throughput (" + readings + " readings x 3 passes)...");
      var throughput = PipelineThroughput.run(readings, 3);
      var t = report.section("pipeline");
      t.put("readings", throughput.readings());
      t.put("pipelineReadingsPerSecond", Math.round(throughput.pipelinePerSecond()));
      t.put("bareLoopReadingsPerSecond", Math.round(throughput.bareLoopPerSecond()));
      t.put("ratio", throughput.ratio());
      report.row(
          "pipeline readings/s (1 core)",
          fmt(throughput.pipelinePerSecond()),
          ">= 20,000,000",
          throughput.pipelinePerSecond() >= 20e6);
      report.row(
          "bare summing loop readings/s (ceiling)", fmt(throughput.bareLoopPerSecond()), "", true);
      report.row(
          "pipeline / bare loop", String.format(Locale.ROOT, "%.4f", throughput.ratio()), "", true);

      System.err.println("[2/5] uplink reduction (1 h of 100 Hz vibration, 10 faults)...");
      var reduction =
          UplinkReduction.run(Files.createDirectory(scratch.resolve("reduction")), 1.0, 10);
      var r = report.section("uplinkReduction");
      r.put("readings", reduction.readings());
      r.put("rawBytes", reduction.rawBytes());
      r.put("sentBytes", reduction.sentBytes());
      r.put("messages", reduction.messages());
      r.put("reduction", reduction.reduction());
      r.put("faults", reduction.faults());
      r.put("faultsDetected", reduction.faultsDetected());
      r.put("eventRecall", reduction.recall());
      report.row(
          "uplink reduction (raw / sent bytes)",
          String.format(Locale.ROOT, "%.1fx", reduction.reduction()),
          ">= 100x",
          reduction.reduction() >= 100);
      report.row(
          "event recall",
          String.format(Locale.ROOT, "%.0f%%", 100 * reduction.recall()),
          "100%",
          reduction.recall() == 1.0);

      System.err.println("[3/5] outbox append and drain on disk (1,000,000 x 200 B)...");
      var outbox =
          OutboxBenchmark.run(scratch.resolve("outbox"), 1_000_000, 200, FsyncPolicy.INTERVAL);
      var o = report.section("outboxDisk");
      o.put("records", outbox.records());
      o.put("appendPerSecond", Math.round(outbox.appendPerSecond()));
      o.put("recoverMillis", outbox.recoverMillis());
      o.put("drainPerSecond", Math.round(outbox.drainPerSecond()));
      report.row("outbox append msg/s (disk)", fmt(outbox.appendPerSecond()), "", true);
      report.row("outbox poll+ack drain msg/s (disk only)", fmt(outbox.drainPerSecond()), "", true);

      System.err.println(
          "[4/5] outbox drain to a local broker (" + drainMessages + " messages)...");
      var drain = BrokerDrain.run(scratch.resolve("drain"), drainMessages);
      var d = report.section("outboxDrainToBroker");
      d.put("messages", drain.messages());
      d.put("drainPerSecond", Math.round(drain.drainPerSecond()));
      d.put("rawPahoQos1PerSecond", Math.round(drain.rawPublishPerSecond()));
      d.put("ratio", drain.drainPerSecond() / drain.rawPublishPerSecond());
      report.row(
          "outbox drain to local broker msg/s",
          fmt(drain.drainPerSecond()),
          ">= 20,000",
          drain.drainPerSecond() >= 20_000);
      report.row(
          "raw Paho QoS 1 publish msg/s (same broker)", fmt(drain.rawPublishPerSecond()), "", true);

      System.err.println(
          "[5/5] agent memory (a separate agent process, 3 simulated streams, 20 s)...");
      var memory = AgentMemory.run(scratch.resolve("memory"));
      var m = report.section("agentMemory");
      m.put("rssMegabytes", memory.rssMegabytes());
      m.put("jvmOptions", memory.jvmOptions());
      report.row(
          "agent RSS, MB (no model)",
          String.format(Locale.ROOT, "%.1f", memory.rssMegabytes()),
          "<= 96",
          memory.rssMegabytes() <= 96);

      report.print(json);
      return 0;
    } finally {
      Directories.deleteTree(scratch);
    }
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%,.0f", value);
  }
}
