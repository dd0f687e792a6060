package dev.tandem.registry.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.tandem.registry.auth.Roles;
import dev.tandem.registry.auth.TestTokens;
import dev.tandem.testkit.TandemServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TandemServersResource.class)
class AuditResourceTest {

  @Test
  void noteIsRecordedAndReadBack() {
    String target = "device/" + UUID.randomUUID();
    var created =
        TestTokens.as(Roles.OPERATOR)
            .contentType(ContentType.JSON)
            .body(Map.of("target", target, "note", "sensor swapped"))
            .post("/api/v1/audit/notes")
            .then()
            .statusCode(201)
            .body("actor", equalTo("test-operator"))
            .body("action", equalTo("note"))
            .body("target", equalTo(target))
            .body("detail.note", equalTo("sensor swapped"))
            .extract();
    long id = created.jsonPath().getLong("id");
    assertThat(created.header("Location")).endsWith("/api/v1/audit/" + id);
    assertThat(created.jsonPath().getString("at")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

    TestTokens.as(Roles.OPERATOR)
        .get("/api/v1/audit/{id}", id)
        .then()
        .statusCode(200)
        .body("target", equalTo(target))
        .body("detail.note", equalTo("sensor swapped"));
  }

  @Test
  void listIsNewestFirstAndPagesByBefore() {
    String target = "model/" + UUID.randomUUID();
    for (String note : new String[] {"first", "second", "third"}) {
      TestTokens.as(Roles.OPERATOR)
          .contentType(ContentType.JSON)
          .body(Map.of("target", target, "note", note))
          .post("/api/v1/audit/notes")
          .then()
          .statusCode(201);
    }

    var page =
        TestTokens.as(Roles.OPERATOR)
            .queryParam("target", target)
            .queryParam("limit", 2)
            .get("/api/v1/audit")
            .then()
            .statusCode(200)
            .body("entries", hasSize(2))
            .body("entries.detail.note", org.hamcrest.Matchers.contains("third", "second"))
            .extract()
            .jsonPath();

    TestTokens.as(Roles.OPERATOR)
        .queryParam("target", target)
        .queryParam("limit", 2)
        .queryParam("before", page.getLong("nextBefore"))
        .get("/api/v1/audit")
        .then()
        .statusCode(200)
        .body("entries.detail.note", org.hamcrest.Matchers.contains("first"))
        .body("nextBefore", nullValue());
  }

  @Test
  void malformedJsonBodyIsBadRequestWithCode() {
    TestTokens.as(Roles.OPERATOR)
        .contentType(ContentType.JSON)
        .body("{\"target\": ")
        .post("/api/v1/audit/notes")
        .then()
        .statusCode(400)
        .contentType("application/json")
        .body("code", equalTo("MALFORMED_REQUEST"))
        .body("message", containsString("not well-formed JSON"))
        .body(not(containsString("Exception")))
        .body(not(containsString("com.fasterxml")));
  }

  @Test
  void wrongFieldTypeIsBadRequestNamingTheField() {
    TestTokens.as(Roles.OPERATOR)
        .contentType(ContentType.JSON)
        .body("{\"target\": \"device/x\", \"note\": {\"nested\": true}}")
        .post("/api/v1/audit/notes")
        .then()
        .statusCode(400)
        .body("code", equalTo("MALFORMED_REQUEST"))
        .body("message", equalTo("field 'note' has the wrong type"));
  }

  @Test
  void missingBodyIsValidationFailure() {
    TestTokens.as(Roles.OPERATOR)
        .contentType(ContentType.JSON)
        .post("/api/v1/audit/notes")
        .then()
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"));
  }

  @Test
  void blankFieldsAreValidationFailuresNamingEachField() {
    TestTokens.as(Roles.OPERATOR)
        .contentType(ContentType.JSON)
        .body(Map.of("target", " ", "note", ""))
        .post("/api/v1/audit/notes")
        .then()
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("violations.field", org.hamcrest.Matchers.contains("note", "target"))
        .body("message", containsString("note must not be blank"));
  }

  @Test
  void limitOutOfRangeIsValidationFailure() {
    TestTokens.as(Roles.OPERATOR)
        .queryParam("limit", 501)
        .get("/api/v1/audit")
        .then()
        .statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("violations[0].field", equalTo("limit"));
  }

  @Test
  void nonNumericLimitIsBadRequest() {
    TestTokens.as(Roles.OPERATOR)
        .queryParam("limit", "many")
        .get("/api/v1/audit")
        .then()
        .statusCode(400)
        .body("code", equalTo("BAD_REQUEST"));
  }

  @Test
  void unknownEntryIsNotFound() {
    TestTokens.as(Roles.OPERATOR)
        .get("/api/v1/audit/{id}", Long.MAX_VALUE)
        .then()
        .statusCode(404)
        .body("code", equalTo("NOT_FOUND"))
        .body("message", equalTo("no audit entry " + Long.MAX_VALUE));
  }

  @Test
  void wrongContentTypeIsUnsupportedMediaType() {
    TestTokens.as(Roles.OPERATOR)
        .contentType(ContentType.TEXT)
        .body("hello")
        .post("/api/v1/audit/notes")
        .then()
        .statusCode(415)
        .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
  }
}
