package dev.tandem.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.tandem.registry.signing.SigningKeysTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/** The packaged application ({@code quarkus-run.jar}) started as its own process. */
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
}
