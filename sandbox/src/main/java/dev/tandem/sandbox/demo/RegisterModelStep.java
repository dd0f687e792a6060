package dev.tandem.sandbox.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.sandbox.registry.Artifacts;
import dev.tandem.sandbox.registry.VersionBodies;
import dev.tandem.sandbox.run.Sandbox;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ML engineer registers a model version: the model, a version with model card and lineage, the
 * variant's artifact uploaded with its declared digest and length; then fetches it back through a
 * presigned URL, as a device would, and checks its SHA-256.
 */
final class RegisterModelStep implements DemoStep {
  static final String NAME = "register a model version with an artifact";
  static final String COMPONENT = "model-registry";

  private final ModelDemo demo;

  RegisterModelStep(ModelDemo demo) {
    this.demo = demo;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<String> component() {
    return Optional.of(COMPONENT);
  }

  @Override
  public String run(Sandbox sandbox) throws Exception {
    var api = demo.admin(sandbox);
    String model = "/api/v1/models/" + ModelDemo.MODEL;
    api.post(
        "/api/v1/models",
        Map.of("name", ModelDemo.MODEL, "description", "the sandbox demo's anomaly detector"));
    JsonNode version =
        api.post(
            model + "/versions",
            VersionBodies.version(
                ModelDemo.FIRST,
                null,
                List.of(
                    new VersionBodies.Variant(
                        ModelDemo.VARIANT, ModelDemo.HARDWARE, demo.artifact))));
    if (!"git:sandbox".equals(version.at("/lineage/codeVersion").asText())) {
      throw new IllegalStateException("the version's lineage did not come back: " + version);
    }
    String variant = model + "/versions/" + ModelDemo.FIRST + "/variants/" + ModelDemo.VARIANT;
    JsonNode upload = api.putBytes(variant + "/artifact", demo.artifact);
    expect("upload sha256", demo.sha256(), upload.path("sha256").asText());
    JsonNode download = api.get(variant + "/download");
    expect("download sha256", demo.sha256(), download.path("sha256").asText());
    byte[] fetched = api.download(download.path("url").asText());
    expect("sha256 of the downloaded bytes", demo.sha256(), Artifacts.sha256(fetched));
    demo.registered();
    return "%s@%s/%s: card and lineage stored, %d bytes uploaded, presigned download sha256 %s... matches"
        .formatted(
            ModelDemo.MODEL,
            ModelDemo.FIRST,
            ModelDemo.VARIANT,
            fetched.length,
            demo.sha256().substring(0, 12));
  }

  static void expect(String what, Object expected, Object actual) {
    if (!expected.equals(actual)) {
      throw new IllegalStateException(what + ": expected " + expected + ", got " + actual);
    }
  }
}
