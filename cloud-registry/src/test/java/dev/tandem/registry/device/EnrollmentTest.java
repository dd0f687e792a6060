package dev.tandem.registry.device;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.protocol.signing.MetadataVerifier;
import dev.tandem.registry.audit.AuditEntries;
import dev.tandem.registry.auth.TestDeviceResolver;
import dev.tandem.registry.auth.TestTokens;
import dev.tandem.testkit.TandemServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Provisioning over HTTP against the real PostgreSQL: tokens, the one-time exchange, credentials.
 */
@QuarkusTest
@WithTestResource(TandemServersResource.class)
class EnrollmentTest {

  @Inject EnrollmentTokens tokens;

  private static io.restassured.response.Response exchange(String token, String deviceId) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("enrollmentToken", token);
    if (deviceId != null) {
      body.put("deviceId", deviceId);
    }
    return given().contentType(ContentType.JSON).body(body).post("/api/v1/devices/enroll");
  }

  @Test
  void aDeviceExchangesItsTokenForIdentityCredentialsAndThePinnedRoot() throws Exception {
    String token =
        Devices.enrollmentToken("jetson-orin", List.of("line-1"), Map.of("site", "berlin"));
    assertThat(token).startsWith("tde_");
    String id = Devices.freshId("pump");

    JsonPath enrolled = exchange(token, id).then().statusCode(201).extract().jsonPath();

    assertThat(enrolled.getString("deviceId")).isEqualTo(id);
    assertThat(enrolled.getString("hardwareClass")).isEqualTo("jetson-orin");
    assertThat(enrolled.getList("groups")).containsExactly("line-1");
    assertThat(enrolled.getMap("tags")).containsEntry("site", "berlin");
    assertThat(enrolled.getString("credentials.deviceToken")).startsWith("tdd_");
    assertThat(enrolled.getString("credentials.mqtt.username")).isEqualTo(id);
    assertThat(enrolled.getString("credentials.mqtt.clientId")).isEqualTo(id);
    assertThat(enrolled.getString("credentials.mqtt.password")).hasSizeGreaterThanOrEqualTo(43);
    assertThat(enrolled.getString("credentials.mqtt.url")).startsWith("tcp://127.0.0.1:");
    byte[] root = new ObjectMapper().writeValueAsBytes(enrolled.getMap("rootMetadata"));
    var pinned = new MetadataVerifier(InstantSource.system()).pin(root);
    assertThat(pinned.root().version()).isEqualTo(enrolled.getLong("rootVersion"));

    String deviceToken = enrolled.getString("credentials.deviceToken");
    given()
        .auth()
        .oauth2(deviceToken)
        .get("/api/v1/device/desired")
        .then()
        .statusCode(200)
        .body("deviceId", equalTo(id));
    TestTokens.as("viewer")
        .get("/api/v1/devices/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("active"))
        .body("tags.site", equalTo("berlin"));
  }

  @Test
  void aDeviceWithoutAChosenIdGetsAGeneratedOne() {
    String token = Devices.enrollmentToken("coral", List.of(), Map.of());

    exchange(token, null).then().statusCode(201).body("deviceId", startsWith("dev-"));
  }

  @Test
  void aTokenIsRefusedTheSecondTime() {
    String token = Devices.enrollmentToken("coral", List.of(), Map.of());
    exchange(token, Devices.freshId("a")).then().statusCode(201);

    exchange(token, Devices.freshId("b"))
        .then()
        .statusCode(409)
        .body("code", equalTo("ENROLLMENT_TOKEN_USED"));
  }

  @Test
  void unknownExpiredAndRevokedTokensHaveTheirOwnCodes() {
    exchange("tde_" + "x".repeat(43), null)
        .then()
        .statusCode(401)
        .body("code", equalTo("ENROLLMENT_TOKEN_UNKNOWN"));
    exchange("not-a-token", null)
        .then()
        .statusCode(401)
        .body("code", equalTo("ENROLLMENT_TOKEN_UNKNOWN"));

    var expired =
        tokens.create("coral", List.of(), Map.of(), Instant.now().minusSeconds(1), "test");
    exchange(expired.token(), null)
        .then()
        .statusCode(401)
        .body("code", equalTo("ENROLLMENT_TOKEN_EXPIRED"));

    var revoked =
        TestTokens.as("operator")
            .contentType(ContentType.JSON)
            .body(Map.of("hardwareClass", "coral"))
            .post("/api/v1/enrollment-tokens")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String enrollment = "enrollment-token/" + revoked.getString("enrollment.id");
    var created =
        AuditEntries.assertRecorded(enrollment, "enrollment-token.created", "test-operator");
    assertThat(AuditEntries.detail(created)).containsEntry("hardwareClass", "coral");
    TestTokens.as("operator")
        .delete("/api/v1/enrollment-tokens/" + revoked.getString("enrollment.id"))
        .then()
        .statusCode(200)
        .body("revokedAt", org.hamcrest.Matchers.notNullValue());
    AuditEntries.assertRecorded(enrollment, "enrollment-token.revoked", "test-operator");
    exchange(revoked.getString("token"), null)
        .then()
        .statusCode(401)
        .body("code", equalTo("ENROLLMENT_TOKEN_REVOKED"));
  }

  @Test
  void concurrentExchangesOfOneTokenLetExactlyOneWin() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 5; round++) {
        String token = Devices.enrollmentToken("x86-cpu", List.of(), Map.of());
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> racers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          String id = Devices.freshId("race" + round + i);
          racers.add(
              () -> {
                start.await();
                return exchange(token, id).statusCode();
              });
        }
        List<Future<Integer>> results = new ArrayList<>();
        racers.forEach(r -> results.add(pool.submit(r)));
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
          statuses.add(f.get(30, TimeUnit.SECONDS));
        }
        assertThat(statuses).as("round " + round).containsOnlyOnce(201);
        assertThat(statuses.stream().filter(s -> s == 409)).as("round " + round).hasSize(3);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aTakenIdIsRefusedAndTheTokenStaysUsable() {
    String id = Devices.freshId("taken");
    Devices.enroll(id, "coral", List.of(), Map.of());
    String token = Devices.enrollmentToken("coral", List.of(), Map.of());

    exchange(token, id).then().statusCode(409).body("code", equalTo("DEVICE_ID_TAKEN"));
    exchange(token, Devices.freshId("other")).then().statusCode(201);
  }

  @Test
  void invalidTokenRequestsNameTheField() {
    TestTokens.as("operator")
        .contentType(ContentType.JSON)
        .body(Map.of("hardwareClass", "tpu-9000"))
        .post("/api/v1/enrollment-tokens")
        .then()
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("message", containsString("hardwareClass 'tpu-9000'"))
        .body("message", containsString("jetson-orin"));
    TestTokens.as("operator")
        .contentType(ContentType.JSON)
        .body(Map.of("hardwareClass", "coral", "tags", Map.of("Site", "x")))
        .post("/api/v1/enrollment-tokens")
        .then()
        .statusCode(400)
        .body("message", containsString("tags key 'Site'"));
    TestTokens.as("operator")
        .contentType(ContentType.JSON)
        .body(Map.of("hardwareClass", "coral", "validFor", "999d"))
        .post("/api/v1/enrollment-tokens")
        .then()
        .statusCode(400)
        .body("message", containsString("validFor must be positive and at most"));
    exchange(Devices.enrollmentToken("coral", List.of(), Map.of()), "bad id!")
        .then()
        .statusCode(400)
        .body("message", containsString("deviceId 'bad id!'"));
  }

  @Test
  void deviceTokensAndOperatorTokensStayOnTheirSide() {
    String id = Devices.freshId("sides");
    String deviceToken =
        Devices.enroll(id, "coral", List.of(), Map.of()).getString("credentials.deviceToken");

    given().auth().oauth2(deviceToken).get("/api/v1/devices").then().statusCode(403);
    given().auth().oauth2(deviceToken).get("/api/v1/devices/" + id).then().statusCode(403);
    given()
        .auth()
        .oauth2(deviceToken)
        .contentType(ContentType.JSON)
        .body(Map.of("hardwareClass", "coral"))
        .post("/api/v1/enrollment-tokens")
        .then()
        .statusCode(403);
    TestTokens.as("operator").get("/api/v1/device/desired").then().statusCode(403);
    TestTokens.as("admin").get("/api/v1/device/desired").then().statusCode(403);
    given().get("/api/v1/device/desired").then().statusCode(401);
    given()
        .auth()
        .oauth2("tdd_" + "y".repeat(43))
        .get("/api/v1/device/desired")
        .then()
        .statusCode(401);
    given()
        .auth()
        .oauth2(TestDeviceResolver.TOKEN)
        .get("/api/v1/fleet/summary")
        .then()
        .statusCode(403);
  }

  @Test
  void rotatedCredentialsReplaceTheOldOnesAndDecommissioningRevokesThem() {
    String id = Devices.freshId("rotate");
    String first =
        Devices.enroll(id, "coral", List.of(), Map.of()).getString("credentials.deviceToken");

    String second =
        given()
            .auth()
            .oauth2(first)
            .post("/api/v1/device/credentials")
            .then()
            .statusCode(200)
            .extract()
            .path("deviceToken");
    given().auth().oauth2(first).get("/api/v1/device/desired").then().statusCode(401);
    given().auth().oauth2(second).get("/api/v1/device/desired").then().statusCode(200);
    // The device rotated its own credentials: it is the actor.
    AuditEntries.assertRecorded("device/" + id, "device.credentials.rotated", id);

    String third =
        TestTokens.as("operator")
            .post("/api/v1/devices/" + id + "/credentials")
            .then()
            .statusCode(200)
            .extract()
            .path("deviceToken");
    given().auth().oauth2(second).get("/api/v1/device/desired").then().statusCode(401);
    AuditEntries.assertRecorded("device/" + id, "device.credentials.rotated", "test-operator");

    TestTokens.as("operator")
        .post("/api/v1/devices/" + id + "/decommission")
        .then()
        .statusCode(200)
        .body("status", equalTo("decommissioned"));
    given().auth().oauth2(third).get("/api/v1/device/desired").then().statusCode(401);
    TestTokens.as("operator")
        .post("/api/v1/devices/" + id + "/decommission")
        .then()
        .statusCode(404);
    AuditEntries.assertRecorded("device/" + id, "device.decommissioned", "test-operator");
    assertThat(AuditEntries.about("device/" + id))
        .as("the refused second decommissioning is not recorded")
        .extracting(e -> e.get("action"))
        .containsExactly(
            "device.decommissioned",
            "device.credentials.rotated",
            "device.credentials.rotated",
            "device.enrolled");
  }

  @Test
  void enrollmentIsAuditedWithTheTokenAsActor() {
    String id = Devices.freshId("audited");
    Devices.enroll(id, "coral", List.of(), Map.of());

    TestTokens.as("viewer")
        .queryParam("target", "device/" + id)
        .get("/api/v1/audit")
        .then()
        .statusCode(200)
        .body("entries[0].action", equalTo("device.enrolled"))
        .body("entries[0].actor", startsWith("enrollment-token/"));
  }
}
