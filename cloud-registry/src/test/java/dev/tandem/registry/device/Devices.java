package dev.tandem.registry.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.registry.auth.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Enrollment through the API, for device tests. */
public final class Devices {

  private Devices() {}

  /** A new enrollment token (the secret) for {@code hardwareClass}, groups and tags. */
  public static String enrollmentToken(
      String hardwareClass, List<String> groups, Map<String, String> tags) {
    Map<String, Object> body = new HashMap<>();
    body.put("hardwareClass", hardwareClass);
    body.put("groups", groups);
    body.put("tags", tags);
    return TestTokens.as("operator")
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/enrollment-tokens")
        .then()
        .statusCode(201)
        .extract()
        .path("token");
  }

  /** Enrolls a device with a fresh token; answers the enrollment response. */
  public static JsonPath enroll(
      String deviceId, String hardwareClass, List<String> groups, Map<String, String> tags) {
    String token = enrollmentToken(hardwareClass, groups, tags);
    return io.restassured.RestAssured.given()
        .contentType(ContentType.JSON)
        .body(Map.of("enrollmentToken", token, "deviceId", deviceId))
        .post("/api/v1/devices/enroll")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  /** A device id no other test uses. */
  public static String freshId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Waits up to {@code timeout} for {@code condition}, checking every 100 ms. */
  public static void eventually(Duration timeout, BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }
}
