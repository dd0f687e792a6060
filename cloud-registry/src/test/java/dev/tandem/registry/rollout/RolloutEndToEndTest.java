package dev.tandem.registry.rollout;

import static dev.tandem.registry.device.Devices.eventually;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.protocol.signing.MetadataVerifier;
import dev.tandem.protocol.signing.TrustedState;
import dev.tandem.protocol.signing.metadata.TargetInfo;
import dev.tandem.protocol.v1.DesiredModel;
import dev.tandem.protocol.v1.DesiredState;
import dev.tandem.protocol.v1.UpdateStep;
import dev.tandem.registry.audit.AuditEntries;
import dev.tandem.registry.auth.Roles;
import dev.tandem.registry.auth.TestTokens;
import dev.tandem.registry.device.Devices;
import dev.tandem.servers.MqttEndpoint;
import dev.tandem.testkit.MqttTestClient;
import dev.tandem.testkit.TandemServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rollout through the real servers: created over the API for enrolled devices, desired states
 * read from the real broker (retained, signed), update and state reports fed through real Kafka,
 * until the waves complete, or until failures stop it at the first wave.
 */
@QuarkusTest
@WithTestResource(TandemServersResource.class)
class RolloutEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "tandem.mqtt.url")
  String mqttUrl;

  private FleetSide fleet;
  private String model;
  private String group;
  private final Map<String, byte[]> roots = new LinkedHashMap<>();
  private byte[] artifact;

  @BeforeEach
  void setUp() throws Exception {
    fleet = new FleetSide(bootstrapServers, mqttUrl, "rollout-test-" + UUID.randomUUID());
    model = "ro-" + UUID.randomUUID().toString().substring(0, 8);
    group = "g-" + UUID.randomUUID().toString().substring(0, 8);
    artifact = new byte[4096];
    new Random(7).nextBytes(artifact);
    admin()
        .contentType(ContentType.JSON)
        .body(Map.of("name", model))
        .post("/api/v1/models")
        .then()
        .statusCode(201);
    for (String version : List.of("1.0.0", "1.1.0")) {
      admin()
          .contentType(ContentType.JSON)
          .body(version(version, "fp32"))
          .post("/api/v1/models/{m}/versions", model)
          .then()
          .statusCode(201);
      admin()
          .contentType("application/octet-stream")
          .body(artifact(version))
          .put("/api/v1/models/{m}/versions/{v}/variants/fp32/artifact", model, version)
          .then()
          .statusCode(200);
    }
  }

  @AfterEach
  void tearDown() throws Exception {
    fleet.close();
  }

  @Test
  void wavesAdvanceToCompletedAsDevicesReportThroughKafka() throws Exception {
    List<String> devices = enroll(4);
    String id = create(Map.of("percent", List.of(25, 100)), 0.0);

    // Wave 1: one device gets the signed desired state, retained.
    eventually(WAIT, () -> desired().size() == 1, "the first wave's desired state");
    String first = desired().keySet().iterator().next();
    DesiredState state = desired().get(first);
    assertThat(state.getRolloutId()).isEqualTo(id);
    DesiredModel wanted = state.getModels(0);
    assertThat(wanted.getName()).isEqualTo(model);
    assertThat(wanted.getVersion()).isEqualTo("1.1.0");
    assertThat(wanted.getVariant()).isEqualTo("fp32");
    assertThat(wanted.getTargetPath()).isEqualTo("models/" + model + "/1.1.0/fp32");
    assertThat(wanted.getArtifactUrl()).startsWith("http");
    verifiesAgainstPinnedRoot(first, state, wanted);
    assertRetained(first);
    JsonPath self = desiredOverHttp(first);
    assertThat(self.getString("models[0].version")).isEqualTo("1.1.0");
    assertThat(self.getString("models[0].targets[0].path")).isEqualTo(wanted.getTargetPath());

    activate(id, first);
    eventually(WAIT, () -> desired().size() == 4, "the second wave's desired states");
    for (String device : devices) {
      if (!device.equals(first)) {
        activate(id, device);
      }
    }
    eventually(WAIT, () -> rollout(id).getString("state").equals("COMPLETED"), "COMPLETED");

    JsonPath done = rollout(id);
    assertThat(done.getInt("devicesByState.ACTIVE")).isEqualTo(4);
    assertThat(done.getList("waves.phase")).containsExactly("PASSED", "PASSED");
    assertThat(done.getInt("drift.devices")).isZero();
    assertThat(done.getString("reason")).isEqualTo("all 2 waves passed");
    assertThat(
            viewer()
                .get("/api/v1/audit?target=rollout/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("entries.action", String.class))
        .contains("rollout.created");

    // A device enrolled into the group later gets the completed rollout's version.
    String late = enroll(1).get(0);
    eventually(WAIT, () -> desired().containsKey(late), "the late joiner's desired state");
    assertThat(desired().get(late).getModels(0).getVersion()).isEqualTo("1.1.0");
    activate(id, late);
    eventually(WAIT, () -> rollout(id).getInt("devicesByState.ACTIVE") == 5, "5 devices ACTIVE");
  }

  @Test
  void oneCoalescedReportCarriesADeviceThroughEveryStepToActive() throws Exception {
    String device = enroll(1).get(0);
    String id = create(Map.of("percent", List.of(100)), 0.0);
    eventually(WAIT, () -> desired().containsKey(device), "the desired state");

    // One message with every step, and no state report: the steps alone must settle it.
    fleet.steps(
        device,
        id,
        model,
        "1.1.0",
        List.of(
            UpdateStep.UPDATE_STEP_RECEIVED,
            UpdateStep.UPDATE_STEP_DOWNLOADING,
            UpdateStep.UPDATE_STEP_VERIFIED,
            UpdateStep.UPDATE_STEP_STAGED,
            UpdateStep.UPDATE_STEP_ACTIVE));

    eventually(WAIT, () -> rollout(id).getString("state").equals("COMPLETED"), "COMPLETED");
    JsonPath devices =
        viewer()
            .get("/api/v1/rollouts/{id}/devices", id)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(devices.getString("[0].deviceId")).isEqualTo(device);
    assertThat(devices.getString("[0].state")).isEqualTo("ACTIVE");
    assertThat(devices.getString("[0].reason")).isEqualTo("device reported ACTIVE");
  }

  @Test
  void failingReportsStopTheRolloutAtTheFirstWave() throws Exception {
    List<String> devices = enroll(4);
    for (String device : devices) {
      operator()
          .contentType(ContentType.JSON)
          .body(Map.of("models", Map.of(model, "1.0.0")))
          .put("/api/v1/devices/{id}/desired", device)
          .then()
          .statusCode(200);
    }
    String id = create(Map.of("percent", List.of(50, 100)), 0.4);
    eventually(WAIT, () -> desired().size() == 2, "the first wave's desired states");
    List<String> firstWave = new ArrayList<>(desired().keySet());
    for (String device : firstWave) {
      fleet.step(device, id, model, "1.1.0", UpdateStep.UPDATE_STEP_DOWNLOADING, "");
    }
    fleet.step(
        firstWave.get(0), id, model, "1.1.0", UpdateStep.UPDATE_STEP_FAILED, "HEALTH_CHECK_FAILED");

    eventually(WAIT, () -> rollout(id).getString("state").equals("PAUSED"), "PAUSED");
    JsonPath paused = rollout(id);
    assertThat(paused.getString("reason"))
        .isEqualTo("wave 1: 1 of 2 devices failed (50.0%), over the failure threshold of 40.0%");
    assertThat(paused.getList("waves.phase")).containsExactly("STOPPED", "PENDING");
    Thread.sleep(1000);
    assertThat(desired().keySet()).as("the second wave got nothing").hasSize(2);
    assertThat(devices).containsAll(firstWave);

    // Operator actions: a second rollout of the model for these devices conflicts; roll back.
    operator()
        .contentType(ContentType.JSON)
        .body(Map.of("model", model, "version", "1.1.0", "selector", "group=" + group))
        .post("/api/v1/rollouts")
        .then()
        .statusCode(409)
        .extract()
        .path("code")
        .equals("CONFLICT");
    operator().post("/api/v1/rollouts/{id}/rollback", id).then().statusCode(200);
    operator().post("/api/v1/rollouts/{id}/resume", id).then().statusCode(409);
    assertThat(rollout(id).getString("state")).isEqualTo("ROLLED_BACK");
    AuditEntries.assertRecorded("rollout/" + id, "rollout.rolled-back", "test-operator");
    assertThat(AuditEntries.about("rollout/" + id))
        .as("the refused resume is not recorded")
        .extracting(e -> e.get("action"))
        .doesNotContain("rollout.resumed");
    eventually(
        WAIT,
        () ->
            firstWave.stream()
                .allMatch(
                    d ->
                        desired().get(d).getRolloutId().equals(id)
                            && desired().get(d).getModels(0).getVersion().equals("1.0.0")),
        "the previous version on the first wave");
  }

  @Test
  void operatorsPauseResumeAndAbortAndEachActionIsAudited() throws Exception {
    enroll(2);
    // No device reports, so the rollout keeps running until the operator steps in.
    String id = create(Map.of("percent", List.of(100)), 0.0);
    eventually(WAIT, () -> rollout(id).getString("state").equals("RUNNING"), "RUNNING");
    String target = "rollout/" + id;

    operator().post("/api/v1/rollouts/{id}/pause", id).then().statusCode(200);
    assertThat(rollout(id).getString("state")).isEqualTo("PAUSED");
    AuditEntries.assertRecorded(target, "rollout.paused", "test-operator");

    operator().post("/api/v1/rollouts/{id}/resume", id).then().statusCode(200);
    assertThat(rollout(id).getString("state")).isEqualTo("RUNNING");
    AuditEntries.assertRecorded(target, "rollout.resumed", "test-operator");

    operator().post("/api/v1/rollouts/{id}/abort", id).then().statusCode(200);
    assertThat(rollout(id).getString("state")).isEqualTo("ABORTED");
    AuditEntries.assertRecorded(target, "rollout.aborted", "test-operator");

    operator().post("/api/v1/rollouts/{id}/abort", id).then().statusCode(409);
    assertThat(AuditEntries.about(target))
        .as("the refused second abort is not recorded")
        .extracting(e -> e.get("action"))
        .containsExactly("rollout.aborted", "rollout.resumed", "rollout.paused", "rollout.created");
  }

  @Test
  void theVariantChosenForAClassIsWhatTheDeviceFallbackServes() throws Exception {
    // 1.2.0 declares fp32 first and int8 second, both for x86-cpu; the rollout chooses int8.
    admin()
        .contentType(ContentType.JSON)
        .body(version("1.2.0", "fp32", "int8"))
        .post("/api/v1/models/{m}/versions", model)
        .then()
        .statusCode(201);
    for (String variant : List.of("fp32", "int8")) {
      admin()
          .contentType("application/octet-stream")
          .body(artifact("1.2.0", variant))
          .put("/api/v1/models/{m}/versions/1.2.0/variants/{w}/artifact", model, variant)
          .then()
          .statusCode(200);
    }
    String device = enroll(1).get(0);
    create("1.2.0", Map.of("x86-cpu", "int8"), Map.of("percent", List.of(100)), 0.0);

    eventually(WAIT, () -> desired().containsKey(device), "the desired state");
    DesiredModel published = desired().get(device).getModels(0);
    assertThat(published.getVariant()).isEqualTo("int8");
    JsonPath fallback = desiredOverHttp(device);
    assertThat(fallback.getString("models[0].version")).isEqualTo("1.2.0");
    assertThat(fallback.getString("models[0].targets[0].variant")).isEqualTo("int8");
    assertThat(fallback.getString("models[0].targets[0].path"))
        .isEqualTo(published.getTargetPath())
        .isEqualTo("models/" + model + "/1.2.0/int8");
    assertThat(fallback.getString("models[0].targets[0].sha256"))
        .isEqualTo(sha256(artifact("1.2.0", "int8")));

    // Set by hand, the choice holds while the version stays and goes when the version changes.
    setDesired(device, "1.2.0");
    assertThat(desiredVariants(device)).containsExactly(Map.entry(model, "int8"));
    setDesired(device, "1.0.0");
    assertThat(desiredVariants(device)).isEmpty();
  }

  private JsonPath desiredOverHttp(String device) {
    return given()
        .auth()
        .oauth2(tokens.get(device))
        .get("/api/v1/device/desired")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private void setDesired(String device, String version) {
    operator()
        .contentType(ContentType.JSON)
        .body(Map.of("models", Map.of(model, version)))
        .put("/api/v1/devices/{id}/desired", device)
        .then()
        .statusCode(200);
  }

  private static Map<String, String> desiredVariants(String device) {
    return viewer()
        .get("/api/v1/devices/{id}", device)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getMap("desiredVariants", String.class, String.class);
  }

  @Test
  void badRequestsAreRefusedWithStableCodes() {
    operator()
        .contentType(ContentType.JSON)
        .body(Map.of("model", model, "version", "9.9.9"))
        .post("/api/v1/rollouts")
        .then()
        .statusCode(404);
    operator()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "model",
                model,
                "version",
                "1.1.0",
                "strategy",
                Map.of("waves", Map.of("percent", List.of(50, 20)))))
        .post("/api/v1/rollouts")
        .then()
        .statusCode(400)
        .extract()
        .jsonPath()
        .getString("violations[0].field")
        .equals("strategy.waves.steps[1]");
    String field =
        operator()
            .contentType(ContentType.JSON)
            .body(
                Map.of("model", model, "version", "1.1.0", "strategy", Map.of("bakeTime", "soon")))
            .post("/api/v1/rollouts")
            .then()
            .statusCode(400)
            .extract()
            .path("violations[0].field");
    assertThat(field).isEqualTo("strategy.bakeTime");
    operator()
        .contentType(ContentType.JSON)
        .body(Map.of("model", model, "version", "1.1.0", "selector", "group in ("))
        .post("/api/v1/rollouts")
        .then()
        .statusCode(400);
    viewer().get("/api/v1/rollouts/no-such-rollout").then().statusCode(404);
  }

  @Test
  void variantChoicesNamingAnUnknownClassOrVariantOrAClassTheVariantIsNotBuiltForAreRefused() {
    // 1.2.0: fp32 for x86-cpu, int8 for x86-gpu only; both uploaded, so only the choice is wrong.
    Map<String, String> classes = new LinkedHashMap<>();
    classes.put("fp32", "x86-cpu");
    classes.put("int8", "x86-gpu");
    admin()
        .contentType(ContentType.JSON)
        .body(version("1.2.0", classes))
        .post("/api/v1/models/{m}/versions", model)
        .then()
        .statusCode(201);
    for (String variant : classes.keySet()) {
      admin()
          .contentType("application/octet-stream")
          .body(artifact("1.2.0", variant))
          .put("/api/v1/models/{m}/versions/1.2.0/variants/{w}/artifact", model, variant)
          .then()
          .statusCode(200);
    }

    // A typo of jetson-orin.
    assertRefusedChoice(
        Map.of("jetson_orin", "fp32"),
        "variants.jetson_orin",
        "'jetson_orin' is not a configured hardware class");
    assertRefusedChoice(
        Map.of("x86-cpu", "fp16"),
        "variants.x86-cpu",
        "has no variant 'fp16'; it has [fp32, int8]");
    assertRefusedChoice(
        Map.of("x86-cpu", "int8"),
        "variants.x86-cpu",
        "variant 'int8' of " + model + " 1.2.0 is not built for hardware class 'x86-cpu'");

    assertThat(
            viewer()
                .get("/api/v1/rollouts?limit=500")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("model", String.class))
        .as("no rollout of the model was created")
        .doesNotContain(model);

    // The valid choice for the same class goes through.
    create("1.2.0", Map.of("x86-gpu", "int8"), Map.of("percent", List.of(100)), 0.0);
  }

  private void assertRefusedChoice(Map<String, String> variants, String field, String reason) {
    JsonPath refused =
        operator()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "model",
                    model,
                    "version",
                    "1.2.0",
                    "selector",
                    "group=" + group,
                    "variants",
                    variants))
            .post("/api/v1/rollouts")
            .then()
            .statusCode(400)
            .extract()
            .jsonPath();
    assertThat(refused.getString("code")).isEqualTo("VALIDATION_FAILED");
    assertThat(refused.getString("message")).contains(field).contains(reason);
    assertThat(refused.getString("violations[0].field")).isEqualTo(field);
    assertThat(refused.getString("violations[0].message")).contains(reason);
  }

  private final Map<String, String> tokens = new LinkedHashMap<>();

  private List<String> enroll(int count) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = Devices.freshId("ro");
      JsonPath enrolled = Devices.enroll(id, "x86-cpu", List.of(group), Map.of());
      tokens.put(id, enrolled.getString("credentials.deviceToken"));
      roots.put(id, JSON.writeValueAsBytes(enrolled.getMap("rootMetadata")));
      ids.add(id);
    }
    return ids;
  }

  private String create(Map<String, Object> waves, double failureThreshold) {
    return create("1.1.0", Map.of(), waves, failureThreshold);
  }

  private String create(
      String version,
      Map<String, String> variants,
      Map<String, Object> waves,
      double failureThreshold) {
    Map<String, Object> strategy = new LinkedHashMap<>();
    strategy.put("waves", waves);
    strategy.put("successThreshold", 1.0);
    strategy.put("failureThreshold", failureThreshold);
    strategy.put("bakeTime", "1s");
    strategy.put("retry", Map.of("maxRetries", 0));
    strategy.put("gate", Map.of("minInferences", 0));
    return operator()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "model",
                model,
                "version",
                version,
                "selector",
                "group=" + group,
                "variants",
                variants,
                "strategy",
                strategy))
        .post("/api/v1/rollouts")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private void activate(String rollout, String device) throws Exception {
    for (UpdateStep step :
        List.of(
            UpdateStep.UPDATE_STEP_RECEIVED,
            UpdateStep.UPDATE_STEP_DOWNLOADING,
            UpdateStep.UPDATE_STEP_VERIFIED,
            UpdateStep.UPDATE_STEP_STAGED,
            UpdateStep.UPDATE_STEP_ACTIVE)) {
      fleet.step(device, rollout, model, "1.1.0", step, "");
    }
    fleet.state(device, model, "1.1.0", 500);
  }

  private void verifiesAgainstPinnedRoot(String device, DesiredState state, DesiredModel wanted)
      throws Exception {
    var verifier = new MetadataVerifier(InstantSource.system());
    TrustedState trusted = verifier.pin(roots.get(device));
    List<byte[]> newer = state.getRootMetadataList().stream().map(b -> b.toByteArray()).toList();
    // The desired state carries every root after version 1: a device applies the newer ones.
    long pinned = trusted.root().version();
    trusted =
        verifier.updateRoots(trusted, newer.stream().filter(r -> rootVersion(r) > pinned).toList());
    trusted = verifier.updateTargets(trusted, state.getTargetsMetadata().toByteArray());
    TargetInfo target = trusted.target(wanted.getTargetPath());
    assertThat(target.sha256()).isEqualTo(sha256(artifact("1.1.0")));
    assertThat(target.version()).isEqualTo("1.1.0");
  }

  private static long rootVersion(byte[] envelope) {
    try {
      return JSON.readTree(envelope).path("signed").path("version").asLong();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private void assertRetained(String device) throws Exception {
    try (var late = MqttTestClient.connect(MqttEndpoint.of(mqttUrl), "late-" + UUID.randomUUID())) {
      late.subscribe("fleet/" + device + "/desired", 1);
      var received = late.next(Duration.ofSeconds(10));
      assertThat(received).isNotNull();
      assertThat(received.retained()).isTrue();
    }
  }

  /** The desired states of this test's devices (the broker keeps other tests' too). */
  private Map<String, DesiredState> desired() {
    try {
      Map<String, DesiredState> mine = new LinkedHashMap<>(fleet.desired());
      mine.keySet().retainAll(tokens.keySet());
      return mine;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static JsonPath rollout(String id) {
    return viewer().get("/api/v1/rollouts/{id}", id).then().statusCode(200).extract().jsonPath();
  }

  private byte[] artifact(String version) {
    byte[] bytes = artifact.clone();
    bytes[0] = (byte) version.hashCode();
    return bytes;
  }

  private Map<String, Object> version(String version, String... variants) {
    Map<String, String> classes = new LinkedHashMap<>();
    for (String variant : variants) {
      classes.put(variant, "x86-cpu");
    }
    return version(version, classes);
  }

  /** A version with one variant per key, each built for the hardware class it maps to. */
  private Map<String, Object> version(String version, Map<String, String> hardwareClassByVariant) {
    List<Map<String, Object>> declared = new ArrayList<>();
    for (var entry : hardwareClassByVariant.entrySet()) {
      String variant = entry.getKey();
      byte[] bytes = artifact(version, variant);
      declared.add(
          Map.of(
              "name",
              variant,
              "format",
              "savedmodel",
              "hardwareClasses",
              List.of(entry.getValue()),
              "sha256",
              sha256(bytes),
              "length",
              bytes.length));
    }
    return Map.of(
        "version",
        version,
        "card",
        Map.of(
            "inputs", List.of(Map.of("name", "x", "dtype", "float32", "shape", List.of(-1, 4))),
            "outputs", List.of(Map.of("name", "y", "dtype", "float32", "shape", List.of(-1, 2)))),
        "lineage",
        Map.of(
            "dataset",
            Map.of("manifest", "s3://lake/m.json", "sha256", "ab".repeat(32)),
            "codeVersion",
            "git:test"),
        "variants",
        declared);
  }

  /** The artifact of a variant: fp32's is {@link #artifact(String)}, the others differ from it. */
  private byte[] artifact(String version, String variant) {
    byte[] bytes = artifact(version);
    if (!variant.equals("fp32")) {
      bytes[1] ^= (byte) (0x5A + variant.length());
    }
    return bytes;
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static io.restassured.specification.RequestSpecification admin() {
    return TestTokens.as(Roles.ADMIN);
  }

  private static io.restassured.specification.RequestSpecification operator() {
    return TestTokens.as(Roles.OPERATOR);
  }

  private static io.restassured.specification.RequestSpecification viewer() {
    return TestTokens.as(Roles.VIEWER);
  }
}
