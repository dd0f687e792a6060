package dev.tandem.sandbox.bench.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.sandbox.registry.Artifacts;
import dev.tandem.sandbox.registry.VersionBodies;
import dev.tandem.trainer.registry.RegistryApi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fills the control plane through its API as people and devices would: one model with a few
 * versions of two variants (artifacts uploaded and signed as targets), an alias, a viewer token,
 * and enrolled devices that each have the model desired.
 */
final class Seeder {
  static final String MODEL = "bench-vibration";
  private static final String[] HARDWARE = {"x86-cpu", "jetson-orin"};
  private static final String[] VARIANTS = {"fp32", "int8"};

  private final RegistryApi admin;

  Seeder(RegistryApi admin) {
    this.admin = admin;
  }

  Seed seed(int versions, int devices) throws IOException, InterruptedException {
    String model = "/api/v1/models/" + MODEL;
    admin.post("/api/v1/models", Map.of("name", MODEL, "description", "benchmark model"));
    List<String> downloads = new ArrayList<>();
    List<Map<String, Object>> targets = new ArrayList<>();
    String parent = null;
    List<String> names = new ArrayList<>();
    for (int v = 0; v < versions; v++) {
      String version = "1." + v + ".0";
      names.add(version);
      List<VersionBodies.Variant> variants = new ArrayList<>();
      for (int i = 0; i < VARIANTS.length; i++) {
        variants.add(
            new VersionBodies.Variant(
                VARIANTS[i], HARDWARE[i], Artifacts.of(MODEL + version + VARIANTS[i], 8 * 1024)));
      }
      admin.post(model + "/versions", VersionBodies.version(version, parent, variants));
      for (VersionBodies.Variant variant : variants) {
        String path = model + "/versions/" + version + "/variants/" + variant.name();
        admin.putBytes(path + "/artifact", variant.artifact());
        downloads.add(path + "/download");
        targets.add(
            Map.of(
                "path",
                "models/" + MODEL + "/" + version + "/" + variant.name(),
                "length",
                variant.artifact().length,
                "sha256",
                Artifacts.sha256(variant.artifact()),
                "model",
                MODEL,
                "version",
                version,
                "variant",
                variant.name()));
      }
      parent = version;
    }
    admin.put(model + "/aliases/production", Map.of("version", parent));
    admin.post("/api/v1/signing/targets", Map.of("targets", targets));
    String viewer =
        admin
            .post("/api/v1/tokens", Map.of("name", "bench-viewer", "role", "viewer"))
            .path("token")
            .asText();
    List<String> deviceTokens = new ArrayList<>();
    RegistryApi anonymous = admin.as(null);
    for (int d = 0; d < devices; d++) {
      String id = "bench-%04d".formatted(d);
      JsonNode enrollment =
          admin.post(
              "/api/v1/enrollment-tokens", Map.of("hardwareClass", HARDWARE[d % HARDWARE.length]));
      JsonNode enrolled =
          anonymous.post(
              "/api/v1/devices/enroll",
              Map.of("enrollmentToken", enrollment.path("token").asText(), "deviceId", id));
      // Most devices run the newest version, the rest the one before (a rollout under way).
      String desired =
          names.get(d % 4 == 0 && names.size() > 1 ? names.size() - 2 : names.size() - 1);
      admin.put("/api/v1/devices/" + id + "/desired", Map.of("models", Map.of(MODEL, desired)));
      deviceTokens.add(enrolled.at("/credentials/deviceToken").asText());
    }
    return new Seed(viewer, deviceTokens, downloads, MODEL);
  }
}
