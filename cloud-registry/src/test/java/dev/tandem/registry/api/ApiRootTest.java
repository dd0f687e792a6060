package dev.tandem.registry.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.tandem.testkit.TandemServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TandemServersResource.class)
class ApiRootTest {

  @Test
  void rootNamesServiceVersionAndApiVersion() {
    given()
        .get("/api/v1")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("service", equalTo("tandem-cloud-registry"))
        .body("version", notNullValue())
        .body("apiVersion", equalTo("v1"));
  }

  @Test
  void unknownPathUnderApiIsNotFoundWithJsonErrorAndNoStackTrace() {
    given()
        .get("/api/v1/no-such-thing")
        .then()
        .statusCode(404)
        .contentType("application/json")
        .body("code", equalTo("NOT_FOUND"))
        .body("message", equalTo("no resource at /api/v1/no-such-thing"))
        .body(not(containsString("Exception")))
        .body(not(containsString("\tat ")));
  }

  @Test
  void unknownNestedPathUnderApiIsNotFoundWithJsonError() {
    given()
        .get("/api/v1/audit/1/no-such-thing")
        .then()
        .statusCode(404)
        .contentType("application/json")
        .body("code", equalTo("NOT_FOUND"));
  }

  @Test
  void wrongMethodIsMethodNotAllowedWithJsonError() {
    given()
        .delete("/api/v1")
        .then()
        .statusCode(405)
        .contentType("application/json")
        .body("code", equalTo("METHOD_NOT_ALLOWED"))
        .body("message", equalTo("method DELETE is not allowed on /api/v1"));
  }

  @Test
  void openApiDocumentListsTheApi() {
    given()
        .queryParam("format", "json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("paths", org.hamcrest.Matchers.hasKey("/api/v1"));
  }
}
