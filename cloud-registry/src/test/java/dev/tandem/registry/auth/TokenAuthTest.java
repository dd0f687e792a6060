package dev.tandem.registry.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.tandem.registry.auth.token.TokenSecrets;
import dev.tandem.testkit.TandemServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TandemServersResource.class)
class TokenAuthTest {

  @Inject DataSource dataSource;

  @Test
  void missingTokenIsUnauthorizedWithJsonBodyAndBearerChallenge() {
    given()
        .get("/api/v1/tokens")
        .then()
        .statusCode(401)
        .contentType("application/json")
        .header("WWW-Authenticate", "Bearer")
        .body("code", equalTo("UNAUTHORIZED"))
        .body(
            "message",
            equalTo("this endpoint needs a bearer token: send Authorization: Bearer <token>"));
  }

  @Test
  void unknownTokenIsUnauthorized() {
    given()
        .auth()
        .oauth2(TokenSecrets.generate())
        .get("/api/v1/audit")
        .then()
        .statusCode(401)
        .body("code", equalTo("UNAUTHORIZED"))
        .body("message", equalTo("the bearer token is unknown, revoked or expired"));
    given().auth().oauth2("not-a-token").get("/api/v1/audit").then().statusCode(401);
    given().auth().basic("admin", "admin").get("/api/v1/audit").then().statusCode(401);
  }

  @Test
  void viewerTokenIsForbiddenFromAdminEndpoints() {
    TestTokens.as(Roles.VIEWER)
        .get("/api/v1/tokens")
        .then()
        .statusCode(403)
        .contentType("application/json")
        .body("code", equalTo("FORBIDDEN"));
  }

  @Test
  void whoAmIShowsTheRoleHierarchy() {
    TestTokens.as(Roles.ADMIN)
        .get("/api/v1/whoami")
        .then()
        .statusCode(200)
        .body("principal", equalTo("test-admin"))
        .body("roles", containsInAnyOrder("admin", "operator", "viewer"))
        .body("kind", equalTo("API_TOKEN"));
    TestTokens.as(Roles.OPERATOR)
        .get("/api/v1/whoami")
        .then()
        .body("roles", containsInAnyOrder("operator", "viewer"));
    TestTokens.as(Roles.VIEWER)
        .get("/api/v1/whoami")
        .then()
        .body("roles", containsInAnyOrder("viewer"));
    given()
        .auth()
        .oauth2(TestTokens.BOOTSTRAP)
        .get("/api/v1/whoami")
        .then()
        .body("principal", equalTo("bootstrap"))
        .body("roles", hasItem("admin"));
  }

  @Test
  void createdTokenWorksIsListedWithoutSecretAndIsStoredOnlyAsItsHash() throws Exception {
    String name = "ci-" + UUID.randomUUID().toString().substring(0, 8);
    var created =
        TestTokens.as(Roles.ADMIN)
            .contentType(ContentType.JSON)
            .body(Map.of("name", name, "role", "operator"))
            .post("/api/v1/tokens")
            .then()
            .statusCode(201)
            .body("metadata.name", equalTo(name))
            .body("metadata.role", equalTo("operator"))
            .body("metadata.createdBy", equalTo("test-admin"))
            .extract();
    String token = created.path("token");
    String id = created.path("metadata.id");
    assertThat(created.header("Location")).endsWith("/api/v1/tokens/" + id);

    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/whoami")
        .then()
        .statusCode(200)
        .body("principal", equalTo(name));

    String listing =
        TestTokens.as(Roles.ADMIN)
            .get("/api/v1/tokens")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(listing)
        .contains(id)
        .doesNotContain(token)
        .doesNotContain(TokenSecrets.hashHex(token));
    TestTokens.as(Roles.ADMIN)
        .get("/api/v1/tokens/{id}", id)
        .then()
        .statusCode(200)
        .body("lastUsedAt", notNullValue())
        .body("$", not(org.hamcrest.Matchers.hasKey("token")));

    assertThat(storedRow(id)).doesNotContain(token).contains(TokenSecrets.hashHex(token));
  }

  @Test
  void revokedTokenStopsWorkingAtOnceAndTheRevocationIsAudited() {
    String name = "revoke-" + UUID.randomUUID().toString().substring(0, 8);
    var created = createToken(name, "viewer");
    String token = created.get("token");
    String id = created.get("id");
    given().auth().oauth2(token).get("/api/v1/audit").then().statusCode(200);

    TestTokens.as(Roles.ADMIN)
        .delete("/api/v1/tokens/{id}", id)
        .then()
        .statusCode(200)
        .body("revokedBy", equalTo("test-admin"))
        .body("revokedAt", notNullValue());

    given().auth().oauth2(token).get("/api/v1/audit").then().statusCode(401);
    TestTokens.as(Roles.VIEWER)
        .queryParam("target", "token/" + id)
        .get("/api/v1/audit")
        .then()
        .statusCode(200)
        .body("entries.action", containsInAnyOrder("token.revoked", "token.created"))
        .body("entries.actor", containsInAnyOrder("test-admin", "test-admin"));
    TestTokens.as(Roles.ADMIN).get("/api/v1/tokens").then().body("id", not(hasItem(id)));
    TestTokens.as(Roles.ADMIN)
        .queryParam("includeRevoked", true)
        .get("/api/v1/tokens")
        .then()
        .body("id", hasItem(id));
  }

  @Test
  void expiredTokenIsUnauthorized() throws Exception {
    var created = createToken("expiring", "viewer");
    given().auth().oauth2(created.get("token")).get("/api/v1/audit").then().statusCode(200);

    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = ?")) {
      update.setObject(1, UUID.fromString(created.get("id")));
      assertThat(update.executeUpdate()).isEqualTo(1);
    }

    given().auth().oauth2(created.get("token")).get("/api/v1/audit").then().statusCode(401);
  }

  @Test
  void tokenExpiringInThePastOrWithBadRoleIsRefused() {
    TestTokens.as(Roles.ADMIN)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                "late",
                "role",
                "viewer",
                "expiresAt",
                Instant.now().minusSeconds(5).toString()))
        .post("/api/v1/tokens")
        .then()
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"));
    TestTokens.as(Roles.ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("name", "dev", "role", "device"))
        .post("/api/v1/tokens")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("role"));
  }

  @Test
  void unknownTokenIdIsNotFound() {
    TestTokens.as(Roles.ADMIN)
        .delete("/api/v1/tokens/{id}", UUID.randomUUID())
        .then()
        .statusCode(404)
        .body("code", equalTo("NOT_FOUND"));
  }

  private static Map<String, String> createToken(String name, String role) {
    var created =
        TestTokens.as(Roles.ADMIN)
            .contentType(ContentType.JSON)
            .body(Map.of("name", name, "role", role))
            .post("/api/v1/tokens")
            .then()
            .statusCode(201)
            .extract();
    return Map.of("token", created.path("token"), "id", created.path("metadata.id"));
  }

  private List<String> storedRow(String id) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT name, role, encode(secret_sha256, 'hex') AS hash, created_by"
                    + " FROM api_token WHERE id = ?")) {
      select.setObject(1, UUID.fromString(id));
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).isTrue();
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
          values.add(row.getString(i));
        }
        return values;
      }
    }
  }
}
