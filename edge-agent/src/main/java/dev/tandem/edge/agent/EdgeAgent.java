package dev.tandem.edge.agent;

import dev.tandem.edge.config.AgentConfig;
import dev.tandem.edge.config.StreamConfig;
import dev.tandem.edge.metrics.PrometheusEndpoint;
import dev.tandem.edge.model.EdgeModelRuntime;
import dev.tandem.edge.model.InferenceException;
import dev.tandem.edge.model.ModelRuntime;
import dev.tandem.edge.outbox.MessageClass;
import dev.tandem.edge.outbox.Outbox;
import dev.tandem.edge.outbox.OutboxConfig;
import dev.tandem.edge.output.OutboxWriter;
import dev.tandem.edge.source.Sources;
import dev.tandem.edge.stream.StreamPipeline;
import dev.tandem.edge.update.UpdateClient;
import dev.tandem.edge.update.UpdateContext;
import dev.tandem.edge.uplink.LinkState;
import dev.tandem.edge.uplink.MqttUplink;
import dev.tandem.protocol.topic.TopicKind;
import dev.tandem.protocol.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * One edge agent: streams, outbox, uplink, state reports and metrics. Offline is a normal state:
 * readings keep flowing into the outbox and drain when the broker is back.
 */
public final class EdgeAgent implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(EdgeAgent.class.getName());
  private static final Duration DRAIN_ON_CLOSE = Duration.ofSeconds(5);

  private final AgentConfig config;
  private final Outbox outbox;
  private final OutboxWriter writer;
  private final MqttUplink uplink;
  private final List<StreamRunner> runners = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final ScheduledExecutorService scheduler;
  private final StateReporter reporter;
  private final PrometheusEndpoint metrics;
  private final UpdateContext ownUpdateContext;
  private final UpdateClient updates;

  private EdgeAgent(
      AgentConfig config,
      Path baseDir,
      InstantSource clock,
      ModelRuntime runtime,
      UpdateContext sharedUpdates) {
    this.config = config;
    this.outbox =
        Outbox.open(
            OutboxConfig.defaults(config.outboxDirectory(), config.outboxBudgetBytes()), clock);
    MqttUplink[] uplinkRef = new MqttUplink[1];
    this.writer =
        new OutboxWriter(
            config.deviceId(),
            outbox,
            clock,
            config.sampleBudgetBytesPerSecond(),
            () -> {
              if (uplinkRef[0] != null) {
                uplinkRef[0].nudge();
              }
            });
    for (StreamConfig stream : config.streams()) {
      var pipeline =
          new StreamPipeline(
              stream.id(),
              stream.range(),
              stream.filters().stream().map(Supplier::get).toList(),
              stream.detectors().stream().map(Supplier::get).toList(),
              stream.window(),
              stream.contextReadings(),
              stream.contextAfter(),
              stream.sampleEvery(),
              stream.sampleBatch(),
              writer);
      var source = Sources.open(stream.source(), clock.millis(), baseDir, clock, LOG::warning);
      runners.add(new StreamRunner(source, pipeline));
    }
    this.reporter = new StateReporter(config.deviceId(), outbox, writer.counters(), runners, clock);
    this.uplink =
        new MqttUplink(
            config.deviceId(), config.mqtt(), outbox, reporter::lastWill, new SplittableRandom());
    uplinkRef[0] = uplink;
    reporter.attach(uplink);
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "tandem-state"));
    if (config.updates().isPresent()) {
      this.ownUpdateContext = sharedUpdates == null ? UpdateContext.create(clock, 1) : null;
      var reports =
          new OutboxUpdateReports(
              config.deviceId(), outbox, clock, uplink::nudge, this::reportState);
      this.updates =
          UpdateClient.open(
              config.deviceId(),
              config.updates().get(),
              runtime,
              sharedUpdates == null ? ownUpdateContext : sharedUpdates,
              reports);
      reporter.attach(updates);
      uplink.subscribe(Topics.desired(config.deviceId()), 1, updates::onDesired);
    } else {
      this.ownUpdateContext = null;
      this.updates = null;
    }
    this.metrics =
        config.metricsPort() < 0
            ? null
            : PrometheusEndpoint.start(config.metricsPort(), reporter::metrics);
  }

  /**
   * Starts an agent: opens (or recovers) the outbox, starts every stream and the uplink.
   *
   * @param baseDir resolves relative paths of the configuration (CSV files)
   */
  public static EdgeAgent start(AgentConfig config, Path baseDir, InstantSource clock) {
    return start(config, baseDir, clock, new EdgeModelRuntime(), null);
  }

  /**
   * Starts an agent whose update client loads models with {@code runtime} and, if {@code
   * sharedUpdates} is given, uses its HTTP client and executor instead of its own (many simulated
   * agents in one JVM).
   */
  public static EdgeAgent start(
      AgentConfig config,
      Path baseDir,
      InstantSource clock,
      ModelRuntime runtime,
      UpdateContext sharedUpdates) {
    var agent = new EdgeAgent(config, baseDir, clock, runtime, sharedUpdates);
    agent.uplink.start();
    for (StreamRunner runner : agent.runners) {
      Thread thread = daemon(runner, "tandem-stream-" + runner.pipeline().streamId());
      agent.threads.add(thread);
      thread.start();
    }
    long interval = config.stateInterval().toMillis();
    agent.scheduler.scheduleAtFixedRate(agent::reportState, 0, interval, TimeUnit.MILLISECONDS);
    return agent;
  }

  private void reportState() {
    try {
      outbox.append(MessageClass.STATE, TopicKind.STATE, reporter::stateReport);
      uplink.nudge();
    } catch (RuntimeException e) {
      LOG.warning("state report not queued: " + e.getMessage());
    }
  }

  /**
   * While online, waits up to {@code timeout} for the outbox to empty, so a stopping agent sends
   * its last windows and state; offline, what is left stays in the outbox for the next start.
   */
  private void drain(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (uplink.state() == LinkState.ONLINE
        && outbox.stats().depth() > 0
        && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Whether every stream's source has ended (CSV replays, stdin). */
  public boolean streamsFinished() {
    return runners.stream().allMatch(StreamRunner::finished);
  }

  public Outbox outbox() {
    return outbox;
  }

  public MqttUplink uplink() {
    return uplink;
  }

  public OutboxWriter writer() {
    return writer;
  }

  /** Port of the metrics endpoint, or -1 when it is off. */
  public int metricsPort() {
    return metrics == null ? -1 : metrics.port();
  }

  public AgentConfig config() {
    return config;
  }

  /** The update client, if the configuration has an {@code updates} section. */
  public Optional<UpdateClient> updates() {
    return Optional.ofNullable(updates);
  }

  /**
   * Runs the active version of {@code model} on {@code input}, counting the inference for the
   * rollout quality gates and remembering the input for the next health check.
   *
   * @throws InferenceException if no version of the model can answer
   */
  public float[] infer(String model, float[] input) {
    return updates()
        .flatMap(u -> u.model(model))
        .orElseThrow(() -> new InferenceException("no model '" + model + "' on this agent"))
        .infer(input);
  }

  /** Stops the streams (flushing their windows), sends a last state report and disconnects. */
  @Override
  public void close() {
    // No interrupts: a stream thread may be writing to the outbox, and an interrupt during a
    // FileChannel write closes the channel. Runners stop at their next reading or wake-up.
    runners.forEach(StreamRunner::stop);
    for (Thread thread : threads) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    scheduler.shutdownNow();
    if (ownUpdateContext != null) {
      ownUpdateContext.close();
    }
    reportState();
    drain(DRAIN_ON_CLOSE);
    uplink.close();
    if (metrics != null) {
      metrics.close();
    }
    outbox.close();
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
