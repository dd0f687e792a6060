package dev.tandem.sandbox.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.trainer.registry.RegistryApi;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The control plane's view of a group of devices, from what they reported ({@code GET
 * /api/v1/devices?selector=group=...}, at most 1,000 devices: the demo's fleet is small), and the
 * fleet-wide summary of drift.
 */
final class FleetStateView {
  private static final long POLL_MILLIS = 250;

  private final RegistryApi viewer;
  private final String group;

  FleetStateView(RegistryApi viewer, String group) {
    this.viewer = viewer;
    this.group = group;
  }

  List<JsonNode> devices() throws IOException, InterruptedException {
    return select("group=" + group);
  }

  /** Every drifted device of the fleet, not only of the group, as "id (model desired, runs)". */
  List<String> driftedAnywhere() throws IOException, InterruptedException {
    List<String> drifted = new ArrayList<>();
    for (JsonNode device : select("drifted=true")) {
      List<String> models = new ArrayList<>();
      for (JsonNode drift : device.path("drift")) {
        models.add(
            drift.path("model").asText()
                + " desired "
                + drift.path("desired").asText()
                + ", runs "
                + drift.path("actual").asText("nothing"));
      }
      drifted.add(device.path("id").asText() + " (" + String.join("; ", models) + ")");
    }
    return drifted;
  }

  private List<JsonNode> select(String selector) throws IOException, InterruptedException {
    String query = URLEncoder.encode(selector, StandardCharsets.UTF_8);
    List<JsonNode> devices = new ArrayList<>();
    viewer
        .get("/api/v1/devices?limit=1000&selector=" + query)
        .path("devices")
        .forEach(devices::add);
    return devices;
  }

  /**
   * Waits until each of {@code ids} is listed and {@code holds}; answers the devices as last read.
   *
   * @throws IllegalStateException after {@code timeout}, naming the devices that do not, with what
   *     {@code describe} says of each
   */
  List<JsonNode> await(
      List<String> ids,
      Predicate<JsonNode> holds,
      String what,
      Function<JsonNode, String> describe,
      Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<JsonNode> devices = devices();
      List<String> lagging = new ArrayList<>();
      for (String id : ids) {
        JsonNode device =
            devices.stream().filter(d -> d.path("id").asText().equals(id)).findFirst().orElse(null);
        if (device == null) {
          lagging.add(id + " (not enrolled)");
        } else if (!holds.test(device)) {
          lagging.add(id + " (" + describe.apply(device) + ")");
        }
      }
      if (lagging.isEmpty()) {
        return devices;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "after "
                + timeout.toSeconds()
                + " s, "
                + lagging.size()
                + " of "
                + ids.size()
                + " devices do not "
                + what
                + ": "
                + String.join(", ", lagging));
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  /** {@code GET /api/v1/fleet/summary}. */
  JsonNode summary() throws IOException, InterruptedException {
    return viewer.get("/api/v1/fleet/summary");
  }
}
