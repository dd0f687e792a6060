package dev.tandem.registry.signing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.tandem.protocol.signing.MetadataVerifier;
import dev.tandem.protocol.signing.TrustedState;
import dev.tandem.registry.audit.AuditEntries;
import dev.tandem.registry.auth.TestDeviceResolver;
import dev.tandem.registry.auth.TestTokens;
import dev.tandem.testkit.TandemServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/signing} over HTTP, with real tokens, against the real PostgreSQL. */
@QuarkusTest
@WithTestResource(TandemServersResource.class)
class SigningResourceTest {

  @Inject SigningService signing;

  private final MetadataVerifier device = new MetadataVerifier(InstantSource.system());

  private static Map<String, Object> target(String model, long length) {
    return Map.of(
        "path",
        "models/" + model + "/2.0.0/fp32.tar.gz",
        "length",
        length,
        "sha256",
        "ab".repeat(32),
        "model",
        model,
        "version",
        "2.0.0",
        "variant",
        "fp32");
  }

  private static ExtractableResponse<Response> addTargets(String role, Object... targets) {
    return TestTokens.as(role)
        .contentType(ContentType.JSON)
        .body(Map.of("targets", List.of(targets)))
        .post("/api/v1/signing/targets")
        .then()
        .extract();
  }

  @Test
  void targetsAreServedAsExactlyTheSignedBytesToViewersAndDevices() {
    byte[] stored = signing.targets().bytes();

    byte[] asViewer =
        TestTokens.as("viewer")
            .get("/api/v1/signing/targets")
            .then()
            .statusCode(200)
            .header(SigningResource.VERSION_HEADER, String.valueOf(signing.targets().version()))
            .extract()
            .asByteArray();
    byte[] asDevice =
        given()
            .auth()
            .oauth2(TestDeviceResolver.TOKEN)
            .get("/api/v1/signing/targets")
            .then()
            .statusCode(200)
            .contentType(ContentType.JSON)
            .extract()
            .asByteArray();

    assertThat(asViewer).isEqualTo(stored);
    assertThat(asDevice).isEqualTo(stored);
  }

  @Test
  void adminAddsTargetsThatADeviceVerifiesThroughTheApi() {
    String model = "api-" + UUID.randomUUID();

    var added = addTargets("admin", target(model, 777));

    assertThat(added.statusCode()).isEqualTo(200);
    assertThat(added.jsonPath().getBoolean("changed")).isTrue();
    assertThat(added.jsonPath().getList("paths", String.class))
        .containsExactly("models/" + model + "/2.0.0/fp32.tar.gz");
    TrustedState state = walkToNewestRoot();
    byte[] targets =
        given()
            .auth()
            .oauth2(TestDeviceResolver.TOKEN)
            .get("/api/v1/signing/targets")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    state = device.updateTargets(state, targets);
    assertThat(state.target("models/" + model + "/2.0.0/fp32.tar.gz").length()).isEqualTo(777);
    assertThat(state.targetsVersion()).isEqualTo(added.jsonPath().getLong("version"));
  }

  @Test
  void changesAreAuditedWithTheCallerAsActor() {
    String model = "audit-" + UUID.randomUUID();
    addTargets("admin", target(model, 1));

    var entry = audited("signing.targets.added");
    assertThat(AuditEntries.detail(entry).get("paths").toString()).contains(model);
  }

  /** The newest signing entry recording {@code action}, checked to name the admin as actor. */
  private static Map<String, Object> audited(String action) {
    return AuditEntries.assertRecorded(SigningService.AUDIT_TARGET, action, "test-admin");
  }

  @Test
  void onlyAdminsChangeTargets() {
    for (String role : List.of("viewer", "operator")) {
      assertThat(addTargets(role, target("x", 1)).statusCode()).as(role).isEqualTo(403);
    }
    given()
        .auth()
        .oauth2(TestDeviceResolver.TOKEN)
        .contentType(ContentType.JSON)
        .body(Map.of("targets", List.of(target("x", 1))))
        .post("/api/v1/signing/targets")
        .then()
        .statusCode(403);
    given().get("/api/v1/signing/targets").then().statusCode(401);
  }

  @Test
  void aNewContentAtASignedPathIsAConflict() {
    String model = "conflict-" + UUID.randomUUID();
    addTargets("admin", target(model, 10));

    var refused = addTargets("admin", target(model, 11));

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.jsonPath().getString("code")).isEqualTo("TARGET_CONFLICT");
    assertThat(refused.jsonPath().getString("message")).contains(model);
  }

  @Test
  void anInvalidTargetIsRefusedNamingTheField() {
    Map<String, Object> bad = new java.util.HashMap<>(target("bad", 1));
    bad.put("sha256", "XYZ");

    var refused = addTargets("admin", bad);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.jsonPath().getString("code")).isEqualTo("VALIDATION_FAILED");
    assertThat(refused.jsonPath().getString("message")).contains("sha256");
  }

  @Test
  void removingATargetSignsANewVersionWithoutIt() {
    String model = "gone-" + UUID.randomUUID();
    addTargets("admin", target(model, 5));
    String path = "models/" + model + "/2.0.0/fp32.tar.gz";

    TestTokens.as("admin")
        .delete("/api/v1/signing/targets/" + path)
        .then()
        .statusCode(200)
        .body("paths[0]", equalTo(path));

    assertThat(signing.targets().targetsMetadata().targets()).doesNotContainKey(path);
    var removed = AuditEntries.detail(audited("signing.targets.removed"));
    assertThat(removed.get("paths")).isEqualTo(List.of(path));
    assertThat(((Number) removed.get("version")).longValue())
        .isEqualTo(signing.targets().version());
    TestTokens.as("admin").delete("/api/v1/signing/targets/" + path).then().statusCode(404);
  }

  @Test
  void afterARootRotationADevicePinnedAtRootOneWalksThroughTheApi() {
    var rotated =
        TestTokens.as("admin")
            .contentType(ContentType.JSON)
            .body(Map.of("keys", 3, "threshold", 2))
            .post("/api/v1/signing/root/rotate")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    TrustedState state = walkToNewestRoot();

    assertThat(state.root().version()).isEqualTo(rotated.getLong("version"));
    assertThat(state.root().rootRole().threshold()).isEqualTo(2);
    var entry = AuditEntries.detail(audited("signing.root.rotated"));
    assertThat(entry.get("role")).isEqualTo("root");
    assertThat(((Number) entry.get("version")).longValue()).isEqualTo(rotated.getLong("version"));
  }

  @Test
  void rotatingTheTargetsKeysSignsANewRootAndTheTargetsAgainAndAuditsBoth() {
    long targetsBefore = signing.targets().version();

    var rotated =
        TestTokens.as("admin")
            .contentType(ContentType.JSON)
            .body(Map.of("keys", 2, "threshold", 1))
            .post("/api/v1/signing/targets/rotate-keys")
            .then()
            .statusCode(200)
            .body("role", equalTo("root"))
            .extract()
            .jsonPath();

    TrustedState state = walkToNewestRoot();
    state = device.updateTargets(state, signing.targets().bytes());
    assertThat(state.targetsVersion()).isGreaterThan(targetsBefore);
    var keys = AuditEntries.detail(audited("signing.targets-keys.rotated"));
    assertThat(keys.get("role")).isEqualTo("root");
    assertThat(((Number) keys.get("version")).longValue()).isEqualTo(rotated.getLong("version"));
    var resigned = AuditEntries.detail(audited("signing.targets.resigned"));
    assertThat(resigned.get("role")).isEqualTo("targets");
    assertThat(((Number) resigned.get("version")).longValue()).isEqualTo(state.targetsVersion());
  }

  @Test
  void aRootVersionThatDoesNotExistIsNotFound() {
    TestTokens.as("viewer")
        .get("/api/v1/signing/root/999999")
        .then()
        .statusCode(404)
        .body("code", equalTo("NOT_FOUND"));
  }

  /** Pins root 1 and applies every later root, each fetched by version, as a device would. */
  private TrustedState walkToNewestRoot() {
    TrustedState state = device.pin(fetchRoot("/api/v1/signing/root/1"));
    long newest =
        Long.parseLong(
            given()
                .auth()
                .oauth2(TestDeviceResolver.TOKEN)
                .get("/api/v1/signing/root")
                .then()
                .statusCode(200)
                .extract()
                .header(SigningResource.VERSION_HEADER));
    for (long v = 2; v <= newest; v++) {
      state = device.updateRoot(state, fetchRoot("/api/v1/signing/root/" + v));
    }
    return state;
  }

  private static byte[] fetchRoot(String path) {
    return given()
        .auth()
        .oauth2(TestDeviceResolver.TOKEN)
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .asByteArray();
  }
}
