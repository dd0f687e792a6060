package dev.tandem.registry.error;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import dev.tandem.testkit.TandemServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TandemServersResource.class)
class ErrorMappersTest {

  @Test
  void unexpectedExceptionIsInternalErrorWithReferenceAndNoInternals() {
    given()
        .get("/test/failures/unexpected")
        .then()
        .statusCode(500)
        .contentType("application/json")
        .body("code", equalTo("INTERNAL_ERROR"))
        .body("message", matchesPattern("internal error; quote reference [0-9a-f]{8} when .*"))
        .body(not(containsString("hunter2")))
        .body(not(containsString("IllegalStateException")))
        .body(not(containsString("\tat ")));
  }

  @Test
  void lostDatabaseConnectionIsServiceUnavailable() {
    given()
        .get("/test/failures/database-down")
        .then()
        .statusCode(503)
        .body("code", equalTo("DATABASE_UNAVAILABLE"))
        .body("message", equalTo("the database is unavailable while reading the audit log"))
        .body(not(containsString("hunter2")));
  }

  @Test
  void databaseBugIsInternalErrorWithoutTheSql() {
    given()
        .get("/test/failures/database-bug")
        .then()
        .statusCode(500)
        .body("code", equalTo("INTERNAL_ERROR"))
        .body(not(containsString("hunter2")));
  }

  @Test
  void answerIsJsonEvenWhenTheClientAcceptsOnlyText() {
    given()
        .accept("text/plain")
        .get("/api/v1/no-such-thing")
        .then()
        .statusCode(404)
        .contentType("application/json")
        .body("code", equalTo("NOT_FOUND"));
  }
}
