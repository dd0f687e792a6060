package dev.tandem.registry.device;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.protocol.signing.MetadataVerifier;
import dev.tandem.protocol.signing.TargetCheck;
import dev.tandem.protocol.signing.TrustedState;
import dev.tandem.protocol.signing.metadata.Hex;
import dev.tandem.registry.audit.AuditEntries;
import dev.tandem.registry.auth.TestTokens;
import dev.tandem.testkit.TandemServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The device-facing desired state end to end: a model artifact uploaded to the model registry,
 * signed as a target, desired for a device; the device verifies the targets with its pinned root,
 * downloads the artifact through the presigned URL and checks it against the signed entry.
 */
@QuarkusTest
@WithTestResource(TandemServersResource.class)
class DesiredStateTest {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aDeviceGetsSignedTargetsAndAPresignedArtifactForItsDesiredModel() throws Exception {
    byte[] artifact = new byte[4096];
    new Random(5).nextBytes(artifact);
    String sha = Hex.sha256(artifact);
    String model = "m" + Devices.freshId("desired").replace("-", "");
    uploadToModelRegistry(model, "1.0.0", "int8", artifact);
    String path = "models/" + model + "/1.0.0/int8";
    TestTokens.as("admin")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "targets",
                List.of(
                    Map.of(
                        "path",
                        path,
                        "length",
                        artifact.length,
                        "sha256",
                        sha,
                        "model",
                        model,
                        "version",
                        "1.0.0",
                        "variant",
                        "int8"))))
        .post("/api/v1/signing/targets")
        .then()
        .statusCode(200);
    String id = Devices.freshId("wants");
    JsonPath enrolled = Devices.enroll(id, "jetson-orin", List.of(), Map.of());
    TestTokens.as("operator")
        .contentType(ContentType.JSON)
        .body(Map.of("models", Map.of(model, "1.0.0", "not-signed-yet", "0.1.0")))
        .put("/api/v1/devices/" + id + "/desired")
        .then()
        .statusCode(200);
    AuditEntries.assertRecorded("device/" + id, "device.desired.set", "test-operator");

    JsonPath desired =
        desired(enrolled.getString("credentials.deviceToken"), enrolled.getLong("rootVersion"));

    MetadataVerifier verifier = new MetadataVerifier(InstantSource.system());
    TrustedState state = verifier.pin(JSON.writeValueAsBytes(enrolled.getMap("rootMetadata")));
    List<Map<String, Object>> newerRoots = desired.getList("rootMetadata");
    for (Map<String, Object> root : newerRoots) {
      state = verifier.updateRoot(state, JSON.writeValueAsBytes(root));
    }
    state =
        verifier.updateTargets(state, JSON.writeValueAsBytes(desired.getMap("targetsMetadata")));
    assertThat(state.targetsVersion()).isEqualTo(desired.getLong("targetsVersion"));

    assertThat(desired.getList("models.name")).containsExactly(model, "not-signed-yet");
    assertThat(desired.getList("models[1].targets")).isEmpty();
    assertThat(desired.getString("models[0].targets[0].path")).isEqualTo(path);
    String url = desired.getString("models[0].targets[0].artifactUrl");
    assertThat(url).isNotNull();
    HttpResponse<byte[]> download =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    TargetCheck.verify(state.target(path), download.body());
  }

  @Test
  void eachDeviceGetsTheVariantBuiltForItsHardwareClass() throws Exception {
    String model = "m" + Devices.freshId("hw").replace("-", "");
    var fp32 = new VariantUpload("fp32", List.of("x86-cpu"), new byte[] {1, 2, 3});
    var int8 = new VariantUpload("int8", List.of("jetson-orin", "coral"), new byte[] {4, 5});
    var edge = new VariantUpload("edge", List.of("coral"), new byte[] {6});
    uploadToModelRegistry(model, "2.0.0", List.of(fp32, int8, edge));
    sign(model, "2.0.0", fp32);
    sign(model, "2.0.0", int8);
    Map<String, String> variantSeen = new java.util.HashMap<>();
    for (String hardware : List.of("x86-cpu", "jetson-orin", "coral", "raspberry-pi")) {
      String id = Devices.freshId(hardware);
      JsonPath enrolled = Devices.enroll(id, hardware, List.of(), Map.of());
      TestTokens.as("operator")
          .contentType(ContentType.JSON)
          .body(Map.of("models", Map.of(model, "2.0.0")))
          .put("/api/v1/devices/" + id + "/desired")
          .then()
          .statusCode(200);
      List<String> variants =
          desired(enrolled.getString("credentials.deviceToken"), enrolled.getLong("rootVersion"))
              .getList("models[0].targets.variant");
      variantSeen.put(hardware, variants.isEmpty() ? "none" : String.join(",", variants));
    }

    // coral: int8 is declared first, so it wins over edge; raspberry-pi: nothing fits.
    assertThat(variantSeen)
        .containsEntry("x86-cpu", "fp32")
        .containsEntry("jetson-orin", "int8")
        .containsEntry("coral", "int8")
        .containsEntry("raspberry-pi", "none");
  }

  @Test
  void aRootVersionBelowOneIsRefusedNamingTheParameter() {
    String id = Devices.freshId("badroot");
    JsonPath enrolled = Devices.enroll(id, "x86-cpu", List.of(), Map.of());
    given()
        .auth()
        .oauth2(enrolled.getString("credentials.deviceToken"))
        .queryParam("rootVersion", 0)
        .get("/api/v1/device/desired")
        .then()
        .statusCode(400)
        .body("code", org.hamcrest.Matchers.equalTo("VALIDATION_FAILED"))
        .body("violations[0].field", org.hamcrest.Matchers.equalTo("rootVersion"));
  }

  @Test
  void newTargetsAndRootsReachADeviceAtItsNextRequest() throws Exception {
    String id = Devices.freshId("follows");
    JsonPath enrolled = Devices.enroll(id, "x86-cpu", List.of(), Map.of());
    String token = enrolled.getString("credentials.deviceToken");
    JsonPath before = desired(token, enrolled.getLong("rootVersion"));
    long root = before.getLong("rootVersion");
    assertThat(before.getList("rootMetadata")).as("a device at the newest root").isEmpty();

    byte[] artifact = new byte[64];
    new Random(7).nextBytes(artifact);
    String model = "m" + Devices.freshId("next").replace("-", "");
    TestTokens.as("admin")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "targets",
                List.of(
                    Map.of(
                        "path",
                        "models/" + model + "/1.0.0/int8",
                        "length",
                        artifact.length,
                        "sha256",
                        Hex.sha256(artifact),
                        "model",
                        model,
                        "version",
                        "1.0.0",
                        "variant",
                        "int8"))))
        .post("/api/v1/signing/targets")
        .then()
        .statusCode(200);
    TestTokens.as("admin")
        .contentType(ContentType.JSON)
        .body(Map.of("keys", 1, "threshold", 1))
        .post("/api/v1/signing/root/rotate")
        .then()
        .statusCode(200);

    JsonPath after = desired(token, root);
    assertThat(after.getLong("targetsVersion")).isGreaterThan(before.getLong("targetsVersion"));
    assertThat(after.getLong("targetsMetadata.signed.version"))
        .isEqualTo(after.getLong("targetsVersion"));
    assertThat(after.getLong("rootVersion")).isGreaterThan(root);
    assertThat(after.getList("rootMetadata.signed.version", Long.class))
        .first()
        .isEqualTo(root + 1);
    assertThat(desired(token, after.getLong("rootVersion")).getList("rootMetadata")).isEmpty();
  }

  private static JsonPath desired(String deviceToken, long rootVersion) {
    return given()
        .auth()
        .oauth2(deviceToken)
        .queryParam("rootVersion", rootVersion)
        .get("/api/v1/device/desired")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** A variant to register: its name, the hardware it fits, its artifact. */
  private record VariantUpload(String name, List<String> hardwareClasses, byte[] artifact) {}

  private static void uploadToModelRegistry(
      String model, String version, String variant, byte[] artifact) throws Exception {
    uploadToModelRegistry(
        model, version, List.of(new VariantUpload(variant, List.of("jetson-orin"), artifact)));
  }

  private static void uploadToModelRegistry(
      String model, String version, List<VariantUpload> variants) throws Exception {
    TestTokens.as("admin")
        .contentType(ContentType.JSON)
        .body(Map.of("name", model, "description", "desired-state test"))
        .post("/api/v1/models")
        .then()
        .statusCode(201);
    Map<String, Object> card =
        Map.of(
            "description",
            "test",
            "inputs",
            List.of(Map.of("name", "x", "dtype", "float32", "shape", List.of(-1, 4))),
            "outputs",
            List.of(Map.of("name", "y", "dtype", "float32", "shape", List.of(-1, 2))),
            "metrics",
            Map.of("f1", 0.9),
            "parameters",
            10,
            "sizeBytes",
            variants.get(0).artifact().length);
    Map<String, Object> lineage =
        Map.of(
            "dataset", Map.of("manifest", "s3://lake/m.json", "sha256", "ab".repeat(32)),
            "trainingParameters", Map.of("epochs", 1),
            "codeVersion", "git:test");
    List<Map<String, Object>> specs =
        variants.stream()
            .map(
                v ->
                    Map.<String, Object>of(
                        "name",
                        v.name(),
                        "format",
                        "savedmodel",
                        "hardwareClasses",
                        v.hardwareClasses(),
                        "sha256",
                        Hex.sha256(v.artifact()),
                        "length",
                        v.artifact().length))
            .toList();
    TestTokens.as("admin")
        .contentType(ContentType.JSON)
        .body(Map.of("version", version, "card", card, "lineage", lineage, "variants", specs))
        .post("/api/v1/models/{name}/versions", model)
        .then()
        .statusCode(201);
    for (VariantUpload variant : variants) {
      HttpRequest put =
          HttpRequest.newBuilder(
                  URI.create(
                      "%s:%d/api/v1/models/%s/versions/%s/variants/%s/artifact"
                          .formatted(
                              io.restassured.RestAssured.baseURI,
                              io.restassured.RestAssured.port,
                              model,
                              version,
                              variant.name())))
              .header("Authorization", "Bearer " + TestTokens.of("admin"))
              .header("Content-Type", "application/octet-stream")
              .timeout(Duration.ofSeconds(60))
              .PUT(HttpRequest.BodyPublishers.ofByteArray(variant.artifact()))
              .build();
      HttpResponse<String> response = HTTP.send(put, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
  }

  private static void sign(String model, String version, VariantUpload variant) {
    TestTokens.as("admin")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "targets",
                List.of(
                    Map.of(
                        "path",
                        "models/" + model + "/" + version + "/" + variant.name(),
                        "length",
                        variant.artifact().length,
                        "sha256",
                        Hex.sha256(variant.artifact()),
                        "model",
                        model,
                        "version",
                        version,
                        "variant",
                        variant.name()))))
        .post("/api/v1/signing/targets")
        .then()
        .statusCode(200);
  }
}
