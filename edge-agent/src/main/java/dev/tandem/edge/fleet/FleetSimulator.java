package dev.tandem.edge.fleet;

import dev.tandem.edge.agent.EdgeAgent;
import dev.tandem.edge.config.AgentConfig;
import dev.tandem.edge.config.AgentConfigReader;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Runs a fleet of real agents in this JVM. Every device gets three simulated sensors (cabinet
 * temperature at 1 Hz, spindle vibration at 100 Hz, power draw at 10 Hz) with a threshold and a
 * rate-of-change detector, and a seeded share of injected faults, so events flow as well as
 * summaries.
 */
public final class FleetSimulator implements AutoCloseable {
  private final List<EdgeAgent> agents = new ArrayList<>();

  private FleetSimulator() {}

  /**
   * Starts every agent, reporting each as it comes up.
   *
   * @throws dev.tandem.edge.config.ConfigError if the generated configuration is refused
   */
  public static FleetSimulator start(FleetSpec spec, InstantSource clock, IntConsumer started) {
    return start(spec, clock, started, null);
  }

  /**
   * Starts every agent as {@link #start(FleetSpec, InstantSource, IntConsumer)} does; with {@code
   * updates} (may be null) each also takes model updates on its desired-state topic.
   */
  public static FleetSimulator start(
      FleetSpec spec, InstantSource clock, IntConsumer started, FleetUpdates updates) {
    return start(spec, clock, started, updates, Map.of());
  }

  /**
   * Starts every agent as {@link #start(FleetSpec, InstantSource, IntConsumer, FleetUpdates)} does;
   * a device listed in {@code mqttPasswords} (device id to its MQTT password, from its enrollment)
   * logs in to a broker that checks logins with its id as user name and that password.
   */
  public static FleetSimulator start(
      FleetSpec spec,
      InstantSource clock,
      IntConsumer started,
      FleetUpdates updates,
      Map<String, String> mqttPasswords) {
    var fleet = new FleetSimulator();
    try {
      for (int i = 0; i < spec.devices(); i++) {
        String password = mqttPasswords.get(spec.deviceId(i));
        String yaml =
            agentYaml(spec, i, password) + (updates == null ? "" : updatesYaml(spec, i, updates));
        AgentConfig config = AgentConfigReader.parse(yaml, spec.dataDir());
        fleet.agents.add(
            updates == null
                ? EdgeAgent.start(config, spec.dataDir(), clock)
                : EdgeAgent.start(
                    config, spec.dataDir(), clock, updates.runtimeFor(i), updates.context()));
        started.accept(i + 1);
      }
    } catch (RuntimeException e) {
      fleet.close();
      throw e;
    }
    return fleet;
  }

  public List<EdgeAgent> agents() {
    return List.copyOf(agents);
  }

  static String agentYaml(FleetSpec spec, int index) {
    return agentYaml(spec, index, null);
  }

  /** With {@code password} (may be null) the device logs in as its id with it. */
  static String agentYaml(FleetSpec spec, int index, String password) {
    var random = new SplittableRandom(spec.seed() * 31 + index);
    double after = spec.faultsAfter().toMillis() / 1000.0;
    double faultAt = after + random.nextDouble() * after;
    String window = spec.window().toMillis() + "ms";
    return String.format(
        Locale.ROOT,
        """
        device:
          id: %s
        mqtt:
          url: %s
        %s  reconnect-initial: 200ms
          reconnect-max: 10s
        outbox:
          dir: %s
          budget-mb: 32
        state-interval: 30s
        streams:
          - id: cabinet.temperature
            source: {type: simulated, profile: temperature, rate-hz: 1, seed: %d,
                     faults: [{kind: overheat, at-seconds: %.1f, duration-seconds: 30, magnitude: 40}]}
            range: {min: -40, max: 150}
            filters: [{median: {window: 3}}]
            detectors: [{threshold: {high: 70, hysteresis: 3, debounce: 2, severity: critical}}]
            window: {size: %s}
          - id: spindle.vibration
            source: {type: simulated, profile: vibration, rate-hz: 100, seed: %d,
                     faults: [{kind: bearing-fault, at-seconds: %.1f, duration-seconds: 10, magnitude: 4}]}
            range: {min: -100, max: 100}
            detectors: [{threshold: {low: -2.5, high: 2.5, hysteresis: 0.5, clear-after: 200}}]
            window: {size: %s}
          - id: motor.power
            source: {type: simulated, profile: power, rate-hz: 10, seed: %d,
                     faults: [{kind: spike, at-seconds: %.1f, duration-seconds: 2, magnitude: 6}]}
            range: {min: 0, max: 50}
            filters: [{hampel: {window: 7, sigmas: 4}}]
            detectors: [{rate-of-change: {max-per-second: 20, debounce: 1}}]
            window: {size: %s}
        """,
        spec.deviceId(index),
        spec.brokerUri(),
        password == null
            ? ""
            : "  username: '%s'\n  password: '%s'\n"
                .formatted(spec.deviceId(index), password.replace("'", "''")),
        spec.dataDir().resolve(spec.deviceId(index)),
        random.nextLong(),
        faultAt,
        window,
        random.nextLong(),
        faultAt + 1,
        window,
        random.nextLong(),
        faultAt + 2,
        window);
  }

  private static String updatesYaml(FleetSpec spec, int index, FleetUpdates updates) {
    return """
        updates:
          dir: '%s'
          root: '%s'
        """
        .formatted(
            spec.dataDir().resolve(spec.deviceId(index)).resolve("updates").toAbsolutePath(),
            updates.pinnedRoot().toAbsolutePath());
  }

  @Override
  public void close() {
    agents.parallelStream().forEach(EdgeAgent::close);
    agents.clear();
  }
}
