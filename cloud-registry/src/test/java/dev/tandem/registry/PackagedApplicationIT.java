package dev.tandem.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;

import dev.tandem.registry.signing.SigningKeysTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged application ({@code quarkus-run.jar}) started as its own process, in the prod
 * profile.
 */
@QuarkusIntegrationTest
@WithTestResource(BootstrappedServersResource.class)
@WithTestResource(SigningKeysTestResource.class)
class PackagedApplicationIT {

  @Test
  void packagedAppBecomesReadyWithEveryDependencyUp() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItems("Database connections health check", "object-store", "kafka"))
        .body("checks.status", org.hamcrest.Matchers.everyItem(equalTo("UP")));
  }

  @Test
  void packagedAppServesTheApi() {
    given().get("/api/v1").then().statusCode(200).body("apiVersion", equalTo("v1"));
    given().get("/api/v1/nothing-here").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
  }

  @Test
  void packagedAppNeedsATokenAndAcceptsTheBootstrapToken() {
    given()
        .get("/api/v1/models")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", "Bearer")
        .body("code", equalTo("UNAUTHORIZED"));
    given()
        .auth()
        .oauth2(dev.tandem.registry.auth.TestTokens.BOOTSTRAP)
        .get("/api/v1/whoami")
        .then()
        .statusCode(200)
        .body("principal", equalTo("bootstrap"));
  }

  @Test
  void packagedAppServesSwaggerUi() {
    given()
        .get("/q/swagger-ui/")
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .body(containsString("swagger-ui"));
    // Without the slash, it answers the same page (after a redirect, which RestAssured follows).
    given().get("/q/swagger-ui").then().statusCode(200).contentType(containsString("text/html"));
  }

  @Test
  void packagedAppDocumentsTheApiInOpenApi() {
    Map<String, Object> paths =
        given()
            .queryParam("format", "json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .contentType(containsString("json"))
            .body("openapi", matchesPattern("3\\..*"))
            .extract()
            .jsonPath()
            .getMap("paths");
    assertThat(paths.keySet())
        .contains("/api/v1/models", "/api/v1/devices", "/api/v1/rollouts", "/api/v1/audit")
        .allSatisfy(path -> assertThat(path).startsWith("/api/v1"));
  }

  @Test
  void packagedAppAnswersPrometheusMetrics() {
    // The classic Prometheus text format when asked for it, OpenMetrics otherwise (Prometheus
    // scrapes with either).
    given()
        .accept("text/plain; version=0.0.4")
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .contentType(containsString("text/plain"))
        .body(containsString("# TYPE jvm_memory_used_bytes gauge"));
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .contentType(containsString("application/openmetrics-text"))
        .body(containsString("# TYPE jvm_memory_used_bytes gauge"))
        .body(endsWith("# EOF\n"));
  }
}
