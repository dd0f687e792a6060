package dev.tandem.registry.auth;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens of each role for {@code @QuarkusTest}s, created through the API with the tests'
 * bootstrap admin token and kept while the same application runs (a restarted application has a
 * fresh database, so they are kept per HTTP port).
 */
public final class TestTokens {
  /** {@code %test.tandem.auth.bootstrap-token} in application.properties. */
  public static final String BOOTSTRAP = "tdm_test-only-bootstrap-admin-token-0000000000";

  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

  private TestTokens() {}

  /** A token of {@code role} ({@code viewer}, {@code operator} or {@code admin}). */
  public static String of(String role) {
    return TOKENS.computeIfAbsent(
        RestAssured.port + "/" + role, key -> create("test-" + role, role));
  }

  /** A request that authenticates with a token of {@code role}. */
  public static RequestSpecification as(String role) {
    return given().auth().oauth2(of(role));
  }

  /** Creates a new token through the API, as the bootstrap admin. */
  public static String create(String name, String role) {
    return given()
        .auth()
        .oauth2(BOOTSTRAP)
        .contentType(ContentType.JSON)
        .body(Map.of("name", name, "role", role))
        .post("/api/v1/tokens")
        .then()
        .statusCode(201)
        .extract()
        .path("token");
  }
}
