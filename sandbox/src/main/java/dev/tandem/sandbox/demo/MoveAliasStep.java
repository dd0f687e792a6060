package dev.tandem.sandbox.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.sandbox.registry.Artifacts;
import dev.tandem.sandbox.registry.VersionBodies;
import dev.tandem.sandbox.run.RegistryProcess;
import dev.tandem.sandbox.run.Sandbox;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Points {@code production} at the first version, registers a second (its parent the first), moves
 * the alias to it, and reads the alias history: both moves, newest first, with the actor.
 */
final class MoveAliasStep implements DemoStep {
  private final ModelDemo demo;

  MoveAliasStep(ModelDemo demo) {
    this.demo = demo;
  }

  @Override
  public String name() {
    return "move an alias";
  }

  @Override
  public Optional<String> component() {
    return Optional.of(RegisterModelStep.COMPONENT);
  }

  @Override
  public String run(Sandbox sandbox) throws Exception {
    demo.requireRegistered();
    var api = demo.admin(sandbox);
    String model = "/api/v1/models/" + ModelDemo.MODEL;
    String alias = model + "/aliases/" + ModelDemo.ALIAS;
    api.put(alias, Map.of("version", ModelDemo.FIRST));
    byte[] second = Artifacts.of(ModelDemo.MODEL + "@" + ModelDemo.SECOND, 40 * 1024);
    api.post(
        model + "/versions",
        VersionBodies.version(
            ModelDemo.SECOND,
            ModelDemo.FIRST,
            List.of(new VersionBodies.Variant(ModelDemo.VARIANT, ModelDemo.HARDWARE, second))));
    api.putBytes(
        model + "/versions/" + ModelDemo.SECOND + "/variants/" + ModelDemo.VARIANT + "/artifact",
        second);
    api.put(alias, Map.of("version", ModelDemo.SECOND));
    JsonNode now = api.get(alias);
    RegisterModelStep.expect("alias version", ModelDemo.SECOND, now.path("version").asText());
    JsonNode history = api.get(alias + "/history");
    JsonNode moves = history.isArray() ? history : history.path("moves");
    if (moves.size() != 2) {
      throw new IllegalStateException("expected 2 moves in the history, got " + history);
    }
    JsonNode newest = moves.get(0);
    JsonNode first = moves.get(1);
    RegisterModelStep.expect(
        "newest move from", ModelDemo.FIRST, newest.path("fromVersion").asText());
    RegisterModelStep.expect("newest move to", ModelDemo.SECOND, newest.path("toVersion").asText());
    RegisterModelStep.expect("first move to", ModelDemo.FIRST, first.path("toVersion").asText());
    if (!first.path("fromVersion").isNull() && !first.path("fromVersion").isMissingNode()) {
      throw new IllegalStateException("the first move came from " + first.path("fromVersion"));
    }
    for (JsonNode move : moves) {
      RegisterModelStep.expect(
          "movedBy", RegistryProcess.ADMIN_NAME, move.path("movedBy").asText());
    }
    return "%s: (none) -> %s -> %s, both moves in the history by '%s'"
        .formatted(ModelDemo.ALIAS, ModelDemo.FIRST, ModelDemo.SECOND, RegistryProcess.ADMIN_NAME);
  }
}
