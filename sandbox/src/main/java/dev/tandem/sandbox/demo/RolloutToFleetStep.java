package dev.tandem.sandbox.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.edge.fleet.FleetSpec;
import dev.tandem.sandbox.fleet.EnrolledFleet;
import dev.tandem.sandbox.registry.RolloutWatch;
import dev.tandem.sandbox.run.Sandbox;
import dev.tandem.trainer.registry.RegistryApi;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Closes the loop: the version the train step registered goes to a fleet of enrolled, streaming
 * edge agents through a staged rollout created over REST; each device verifies the signed metadata
 * against its pinned root, downloads, health-checks, switches and reports. The step passes when the
 * rollout completed every wave and the control plane's fleet state shows every device running the
 * new version and no device drifted.
 */
final class RolloutToFleetStep implements DemoStep {
  static final String COMPONENT = "rollouts";
  static final String GROUP = "demo-loop";
  static final String HARDWARE = "jetson-orin";
  private static final int DEVICES = 8;
  private static final List<Integer> WAVES = List.of(25, 100);
  private static final String BAKE = "2s";
  private static final Duration ONLINE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration ROLLOUT_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration REPORTED_TIMEOUT = Duration.ofSeconds(30);

  private final TrainedModel trained;
  private final PrintStream progress;

  RolloutToFleetStep(TrainedModel trained, PrintStream progress) {
    this.trained = trained;
    this.progress = progress;
  }

  @Override
  public String name() {
    return "roll the trained version out in waves; the fleet reaches zero drift";
  }

  @Override
  public Optional<String> component() {
    return Optional.of(COMPONENT);
  }

  @Override
  public String run(Sandbox sandbox) throws Exception {
    TrainedModel.Version version = trained.require();
    TrainedModel.EdgeVariant variant =
        version
            .smallestEdgeVariant()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        version.model()
                            + "@"
                            + version.version()
                            + " has no registered edge variant for "
                            + HARDWARE
                            + " devices to run"));
    RegistryApi admin = new ModelDemo().admin(sandbox);
    FleetSpec spec =
        new FleetSpec(
            DEVICES,
            GROUP,
            sandbox.stack().mqtt().serverUri(),
            sandbox.config().dataDir().resolve("fleet-loop"),
            Duration.ofMillis(500),
            29,
            Duration.ofHours(1));
    FleetStateView view = new FleetStateView(admin, GROUP);
    try (EnrolledFleet fleet = EnrolledFleet.start(admin, spec, HARDWARE, GROUP, progress)) {
      view.await(
          fleet.ids(),
          d -> d.at("/state/online").asBoolean(),
          "report online",
          d -> d.at("/state/lastSeen").isTextual() ? "offline" : "never reported",
          ONLINE_TIMEOUT);
      progress.printf(
          "  %d %s devices enrolled in group %s, streaming and online; rolling out %s@%s (%s)%n",
          fleet.size(), HARDWARE, GROUP, version.model(), version.version(), variant.name());
      long start = System.nanoTime();
      String id = admin.post("/api/v1/rollouts", request(version, variant)).path("id").asText();
      RolloutWatch.Outcome outcome =
          new RolloutWatch(admin, progress).follow(id, fleet.size(), ROLLOUT_TIMEOUT);
      if (!outcome.state().equals("COMPLETED")) {
        throw new IllegalStateException(notCompleted(admin, id, outcome));
      }
      double rolloutSeconds = (outcome.settledNanos() - start) / 1e9;
      for (JsonNode wave : outcome.last().path("waves")) {
        progress.printf(
            "  wave %d: %d devices, %s%n",
            wave.path("number").asInt(), wave.path("size").asInt(), wave.path("reason").asText());
      }
      view.await(
          fleet.ids(),
          d -> runs(d, version) && !d.path("drifted").asBoolean(),
          "report " + version.version() + " active",
          d -> "desired " + desired(d, version) + ", reports " + actual(d, version),
          REPORTED_TIMEOUT);
      double reportedSeconds = (System.nanoTime() - start) / 1e9;
      JsonNode summary = view.summary();
      long drifted = summary.at("/devices/drifted").asLong(-1);
      JsonNode model = modelCounts(summary, version.model());
      if (drifted != 0 || model.at("/counts/drifted").asLong(-1) != 0) {
        throw new IllegalStateException(
            "every device of group "
                + GROUP
                + " runs "
                + version.version()
                + ", yet the fleet summary counts "
                + drifted
                + " drifted devices: "
                + String.join(", ", view.driftedAnywhere()));
      }
      return ("%d %s devices (group %s) streaming; rollout %s of %s@%s (variant %s, %d bytes,"
              + " signed) %s in %d waves %s in %.1f s; control plane: %d/%d devices run %s"
              + " (desired = actual) after %.1f s, fleet drift %d (%s: desired %d, running %d,"
              + " drifted %d)")
          .formatted(
              fleet.size(),
              HARDWARE,
              GROUP,
              id,
              version.model(),
              version.version(),
              variant.name(),
              variant.sizeBytes(),
              outcome.state(),
              outcome.last().path("waves").size(),
              waveSizes(outcome.last()),
              rolloutSeconds,
              fleet.size(),
              fleet.size(),
              version.version(),
              reportedSeconds,
              drifted,
              version.model(),
              model.path("desired").asLong(),
              model.path("running").asLong(),
              model.at("/counts/drifted").asLong());
    }
  }

  private static Map<String, Object> request(
      TrainedModel.Version version, TrainedModel.EdgeVariant variant) {
    Map<String, Object> strategy = new LinkedHashMap<>();
    strategy.put("waves", Map.of("percent", WAVES));
    strategy.put("successThreshold", 1.0);
    strategy.put("failureThreshold", 0.0);
    strategy.put("bakeTime", BAKE);
    strategy.put("onFailure", "PAUSE");
    strategy.put("deviceDeadline", ROLLOUT_TIMEOUT.toSeconds() + "s");
    strategy.put("retry", Map.of("maxRetries", 0));
    strategy.put("gate", Map.of("requireHealthData", false));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("model", version.model());
    body.put("version", version.version());
    body.put("selector", "group=" + GROUP);
    body.put("variants", Map.of(HARDWARE, variant.name()));
    body.put("strategy", strategy);
    return body;
  }

  private static boolean runs(JsonNode device, TrainedModel.Version version) {
    return actual(device, version).equals(version.version())
        && desired(device, version).equals(version.version());
  }

  private static String desired(JsonNode device, TrainedModel.Version version) {
    return device.path("desiredModels").path(version.model()).asText("nothing");
  }

  private static String actual(JsonNode device, TrainedModel.Version version) {
    return device.path("state").path("models").path(version.model()).asText("nothing");
  }

  private static JsonNode modelCounts(JsonNode summary, String model) {
    for (JsonNode counts : summary.path("byModel")) {
      if (counts.path("model").asText().equals(model)) {
        return counts;
      }
    }
    throw new IllegalStateException("the fleet summary does not list model " + model);
  }

  private static String waveSizes(JsonNode rollout) {
    List<String> sizes = new ArrayList<>();
    for (JsonNode wave : rollout.path("waves")) {
      sizes.add(wave.path("size").asText());
    }
    return "(" + String.join(" + ", sizes) + " devices)";
  }

  /** Why the rollout did not complete, with the devices that were not ACTIVE and their reasons. */
  private static String notCompleted(RegistryApi admin, String id, RolloutWatch.Outcome outcome)
      throws IOException, InterruptedException {
    List<String> behind = new ArrayList<>();
    for (JsonNode device : admin.get("/api/v1/rollouts/" + id + "/devices")) {
      if (!device.path("state").asText().equals("ACTIVE")) {
        behind.add(
            device.path("deviceId").asText()
                + " "
                + device.path("state").asText()
                + (device.path("reason").isTextual()
                    ? " (" + device.path("reason").asText() + ")"
                    : ""));
      }
    }
    String head =
        outcome.settled()
            ? "rollout "
                + id
                + " stopped "
                + outcome.state()
                + ": "
                + outcome.last().path("reason").asText()
            : "rollout "
                + id
                + " still "
                + outcome.state()
                + " after "
                + ROLLOUT_TIMEOUT.toSeconds()
                + " s";
    return head
        + "; devices not ACTIVE: "
        + (behind.isEmpty() ? "none" : String.join(", ", behind));
  }
}
