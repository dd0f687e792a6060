package dev.tandem.registry.model;

import static dev.tandem.registry.model.Fixtures.card;
import static dev.tandem.registry.model.Fixtures.createModel;
import static dev.tandem.registry.model.Fixtures.createVersion;
import static dev.tandem.registry.model.Fixtures.lineage;
import static dev.tandem.registry.model.Fixtures.uniqueName;
import static dev.tandem.registry.model.Fixtures.variant;
import static dev.tandem.registry.model.Fixtures.version;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.tandem.registry.audit.AuditEntries;
import dev.tandem.registry.auth.Roles;
import dev.tandem.registry.auth.TestTokens;
import dev.tandem.testkit.TandemServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Models, versions, cards, lineage and aliases through the REST API. */
@QuarkusTest
@WithTestResource(TandemServersResource.class)
class ModelRegistryTest {

  @Test
  void modelIsCreatedReadAndListedWithItsCreator() {
    String name = uniqueName("anomaly");
    TestTokens.as(Roles.ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("name", name, "description", "pump vibration"))
        .post("/api/v1/models")
        .then()
        .statusCode(201)
        .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/models/" + name))
        .body("name", equalTo(name))
        .body("createdBy", equalTo("test-admin"));

    TestTokens.as(Roles.VIEWER)
        .get("/api/v1/models/{name}", name)
        .then()
        .statusCode(200)
        .body("description", equalTo("pump vibration"));
    TestTokens.as(Roles.VIEWER)
        .get("/api/v1/models")
        .then()
        .statusCode(200)
        .body("name", hasItem(name));
    TestTokens.as(Roles.VIEWER)
        .queryParam("target", "model/" + name)
        .get("/api/v1/audit")
        .then()
        .body("entries.action", contains("model.created"))
        .body("entries.actor", contains("test-admin"));
  }

  @Test
  void badModelNamesAreRefusedNamingTheField() {
    for (String bad : new String[] {"Anomaly", "-lead", "has space", "a".repeat(64), ""}) {
      TestTokens.as(Roles.ADMIN)
          .contentType(ContentType.JSON)
          .body(Map.of("name", bad))
          .post("/api/v1/models")
          .then()
          .statusCode(400)
          .body("code", equalTo("VALIDATION_FAILED"))
          .body("violations.field", contains("name"));
    }
    TestTokens.as(Roles.VIEWER)
        .get("/api/v1/models/{name}", "Bad.Name")
        .then()
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"));
  }

  @Test
  void duplicateModelIsConflict() {
    String name = uniqueName("dup");
    createModel(name);
    TestTokens.as(Roles.ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("name", name))
        .post("/api/v1/models")
        .then()
        .statusCode(409)
        .body("code", equalTo("ALREADY_EXISTS"));
  }

  @Test
  void unknownModelIsNotFound() {
    TestTokens.as(Roles.VIEWER)
        .get("/api/v1/models/{name}", "no-such-model")
        .then()
        .statusCode(404)
        .body("code", equalTo("NOT_FOUND"))
        .body("message", equalTo("no model no-such-model"));
    TestTokens.as(Roles.ADMIN)
        .contentType(ContentType.JSON)
        .body(version("1.0.0", List.of(variant("int8", new byte[] {1}))))
        .post("/api/v1/models/{name}/versions", "no-such-model")
        .then()
        .statusCode(404)
        .body("code", equalTo("NOT_FOUND"));
  }

  @Test
  void versionKeepsCardLineageAndVariantsAndDuplicateIsConflict() {
    String model = uniqueName("mlp");
    createModel(model);
    byte[] fp32 = Fixtures.bytes(100, 1);
    byte[] int8 = Fixtures.bytes(40, 2);
    createVersion(model, version("1.0.0", List.of(variant("savedmodel-fp32", fp32))));
    Map<String, Object> v2 =
        new HashMap<>(
            version("1.1.0", List.of(variant("savedmodel-fp32", fp32), variant("int8", int8))));
    v2.put("lineage", lineage("1.0.0"));

    assertKeepsCardAndLineage(Fixtures.postVersion(model, v2).statusCode(201));
    // Read back from the database: a field the store drops fails here even if the echo has it.
    assertKeepsCardAndLineage(
        TestTokens.as(Roles.VIEWER)
            .get("/api/v1/models/{name}/versions/{v}", model, "1.1.0")
            .then()
            .statusCode(200));

    TestTokens.as(Roles.VIEWER)
        .get("/api/v1/models/{name}/versions", model)
        .then()
        .statusCode(200)
        .body("version", contains("1.1.0", "1.0.0"));
    TestTokens.as(Roles.VIEWER)
        .get("/api/v1/models/{name}/versions/{v}", model, "1.0.0")
        .then()
        .statusCode(200)
        .body("variants.sha256", contains(Fixtures.sha256(fp32)));

    TestTokens.as(Roles.ADMIN)
        .contentType(ContentType.JSON)
        .body(version("1.0.0", List.of(variant("int8", int8))))
        .post("/api/v1/models/{name}/versions", model)
        .then()
        .statusCode(409)
        .body("code", equalTo("ALREADY_EXISTS"))
        .body("message", equalTo("model " + model + " has version 1.0.0 already"));
    AuditEntries.assertRecorded("model/" + model + "@1.1.0", "model.version.created", "test-admin");
    assertThat(AuditEntries.about("model/" + model + "@1.0.0"))
        .as("the refused duplicate is not recorded")
        .extracting(e -> e.get("action"))
        .containsExactly("model.version.created");
    TestTokens.as(Roles.VIEWER)
        .get("/api/v1/models/{name}/versions/{v}", model, "9.9.9")
        .then()
        .statusCode(404);
  }

  /** Every field of {@link Fixtures#card()} and {@code lineage("1.0.0")}, and the variants. */
  private static void assertKeepsCardAndLineage(ValidatableResponse version) {
    version
        .body("version", equalTo("1.1.0"))
        .body("card.description", equalTo("vibration anomaly detector"))
        .body("card.inputs[0].name", equalTo("window"))
        .body("card.inputs[0].shape", contains(-1, 64))
        .body("card.outputs[0].name", equalTo("scores"))
        .body("card.outputs[0].dtype", equalTo("float32"))
        .body("card.outputs[0].shape", contains(-1, 2))
        .body("card.metrics.f1", equalTo(0.93f))
        .body("card.parameters", equalTo(2658))
        .body("card.sizeBytes", equalTo(11800))
        .body("lineage.parentVersion", equalTo("1.0.0"))
        .body(
            "lineage.dataset.manifest",
            equalTo("s3://tandem-lake/snapshots/2026-11-01/manifest.json"))
        .body("lineage.dataset.sha256", equalTo("ab".repeat(32)))
        .body("lineage.trainingParameters.optimizer", equalTo("adam"))
        .body("lineage.codeVersion", equalTo("git:4129e7f"))
        .body("variants.name", contains("int8", "savedmodel-fp32"))
        .body("variants[0].hardwareClasses", contains("x86-cpu", "jetson-orin"))
        .body("variants[0].uploaded", equalTo(false));
  }

  @Test
  void unknownParentVersionIsNotFound() {
    String model = uniqueName("orphan");
    createModel(model);
    Map<String, Object> body =
        new HashMap<>(version("2.0.0", List.of(variant("int8", new byte[] {1}))));
    body.put("lineage", lineage("1.9.9"));

    Fixtures.postVersion(model, body)
        .statusCode(404)
        .body("code", equalTo("NOT_FOUND"))
        .body("message", containsString("lineage.parentVersion"));
    TestTokens.as(Roles.VIEWER)
        .get("/api/v1/models/{name}/versions", model)
        .then()
        .body("$", org.hamcrest.Matchers.empty());
  }

  @Test
  void invalidCardLineageAndVariantsAreRefusedNamingEachField() {
    String model = uniqueName("invalid");
    createModel(model);
    Map<String, Object> badCard = new HashMap<>(card());
    badCard.put("inputs", List.of());
    Map<String, Object> badVariant = new HashMap<>(variant("int8", new byte[] {1}));
    badVariant.put("sha256", "XYZ");
    badVariant.put("hardwareClasses", List.of());
    Map<String, Object> body =
        Map.of(
            "version",
            "1.0 beta",
            "card",
            badCard,
            "lineage",
            Map.of("dataset", Map.of("manifest", "m", "sha256", "00"), "codeVersion", ""),
            "variants",
            List.of(badVariant));

    Fixtures.postVersion(model, body)
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body(
            "violations.field",
            org.hamcrest.Matchers.hasItems(
                "version",
                "card.inputs",
                "lineage.dataset.sha256",
                "lineage.codeVersion",
                "variants[0].sha256",
                "variants[0].hardwareClasses"));
  }

  @Test
  void repeatedVariantNamesAndNestedTrainingParametersAreRefused() {
    String model = uniqueName("rules");
    createModel(model);
    Map<String, Object> lineage = new HashMap<>(lineage(null));
    lineage.put("trainingParameters", Map.of("schedule", Map.of("warmup", 3)));
    Map<String, Object> body =
        new HashMap<>(
            version(
                "1.0.0",
                List.of(variant("int8", new byte[] {1}), variant("int8", new byte[] {2}))));
    body.put("lineage", lineage);

    Fixtures.postVersion(model, body)
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body(
            "violations.field",
            org.hamcrest.Matchers.containsInAnyOrder(
                "variants[1].name", "lineage.trainingParameters.schedule"));
  }

  @Test
  void variantForAnUnconfiguredHardwareClassIsRefusedNamingTheClassesThereAre() {
    String model = uniqueName("hw");
    createModel(model);
    Map<String, Object> variant = new HashMap<>(variant("int8", new byte[] {1}));
    variant.put("hardwareClasses", List.of("jetson-orin", "x86-avx2"));

    Fixtures.postVersion(model, version("1.0.0", List.of(variant)))
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("violations.field", contains("variants[0].hardwareClasses[1]"))
        .body("violations[0].message", containsString("x86-cpu"));
    TestTokens.as(Roles.VIEWER)
        .get("/api/v1/models/{name}/versions/{v}", model, "1.0.0")
        .then()
        .statusCode(404);
  }

  @Test
  void variantLargerThanTheRegistryAcceptsIsRefusedWith413() {
    String model = uniqueName("huge");
    createModel(model);
    Map<String, Object> huge = new HashMap<>(variant("fp32", new byte[] {1}));
    huge.put("length", 17L * 1024 * 1024);

    Fixtures.postVersion(model, version("1.0.0", List.of(huge)))
        .statusCode(413)
        .body("code", equalTo("ARTIFACT_TOO_LARGE"));
  }

  @Test
  void aliasMovesAreKeptWithWhoWhenFromAndTo() {
    String model = uniqueName("aliased");
    createModel(model);
    createVersion(model, version("1.0.0", List.of(variant("int8", new byte[] {1}))));
    createVersion(model, version("1.1.0", List.of(variant("int8", new byte[] {2}))));

    moveAlias(model, "production", "1.0.0")
        .then()
        .statusCode(200)
        .body("version", equalTo("1.0.0"));
    moveAlias(model, "production", "1.1.0")
        .then()
        .statusCode(200)
        .body("version", equalTo("1.1.0"))
        .body("movedBy", equalTo("test-admin"));
    moveAlias(model, "production", "1.1.0").then().statusCode(200);
    moveAlias(model, "canary", "1.1.0").then().statusCode(200);

    TestTokens.as(Roles.VIEWER)
        .get("/api/v1/models/{name}/aliases/{alias}", model, "production")
        .then()
        .statusCode(200)
        .body("version", equalTo("1.1.0"));
    TestTokens.as(Roles.VIEWER)
        .get("/api/v1/models/{name}/aliases", model)
        .then()
        .body("alias", contains("canary", "production"));
    TestTokens.as(Roles.VIEWER)
        .get("/api/v1/models/{name}/aliases/{alias}/history", model, "production")
        .then()
        .statusCode(200)
        .body("toVersion", contains("1.1.0", "1.0.0"))
        .body("fromVersion", contains("1.0.0", null))
        .body("movedBy", contains("test-admin", "test-admin"))
        .body("movedAt", not(hasItem((Object) null)));
    TestTokens.as(Roles.VIEWER)
        .queryParam("target", "model/" + model + ":production")
        .get("/api/v1/audit")
        .then()
        .body("entries.action", hasItem("model.alias.moved"));
  }

  @Test
  void aliasToUnknownVersionOrOfUnknownModelIsNotFoundAndChangesNothing() {
    String model = uniqueName("alias404");
    createModel(model);
    createVersion(model, version("1.0.0", List.of(variant("int8", new byte[] {1}))));
    moveAlias(model, "production", "1.0.0").then().statusCode(200);

    moveAlias(model, "production", "2.0.0")
        .then()
        .statusCode(404)
        .body("code", equalTo("NOT_FOUND"))
        .body("message", equalTo("no version " + model + "@2.0.0"));
    moveAlias("no-such-model", "production", "1.0.0").then().statusCode(404);
    TestTokens.as(Roles.VIEWER)
        .get("/api/v1/models/{name}/aliases/{alias}", model, "production")
        .then()
        .body("version", equalTo("1.0.0"));
    TestTokens.as(Roles.VIEWER)
        .get("/api/v1/models/{name}/aliases/{alias}", model, "canary")
        .then()
        .statusCode(404);
    TestTokens.as(Roles.VIEWER)
        .get("/api/v1/models/{name}/aliases/{alias}/history", model, "canary")
        .then()
        .statusCode(404);
    moveAlias(model, "Bad Alias", "1.0.0")
        .then()
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"));
  }

  @Test
  void writesNeedAdminReadsNeedViewer() {
    TestTokens.as(Roles.OPERATOR)
        .contentType(ContentType.JSON)
        .body(Map.of("name", uniqueName("op")))
        .post("/api/v1/models")
        .then()
        .statusCode(403)
        .body("code", equalTo("FORBIDDEN"));
    given().get("/api/v1/models").then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
  }

  private static io.restassured.response.Response moveAlias(
      String model, String alias, String version) {
    return TestTokens.as(Roles.ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("version", version))
        .put("/api/v1/models/{name}/aliases/{alias}", model, alias);
  }
}
