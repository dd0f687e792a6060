package dev.tandem.registry.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.registry.audit.Audited;
import dev.tandem.registry.audit.Unaudited;
import dev.tandem.testkit.TandemServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint, tried without a token and with a token of every role. The table below must name
 * every resource method of the application (found by reflection) and every operation of the OpenAPI
 * document under {@code /api}: an endpoint added without an entry fails this test.
 */
@QuarkusTest
@WithTestResource(TandemServersResource.class)
class AuthorizationMatrixTest {

  /** Who may call an endpoint. */
  enum Access {
    PUBLIC,
    AUTHENTICATED,
    VIEWER,
    OPERATOR,
    ADMIN,
    DEVICE,
    VIEWER_OR_DEVICE;

    boolean allows(Caller caller) {
      return switch (this) {
        case PUBLIC -> true;
        case AUTHENTICATED -> caller != Caller.NONE;
        case VIEWER ->
            caller == Caller.VIEWER || caller == Caller.OPERATOR || caller == Caller.ADMIN;
        case OPERATOR -> caller == Caller.OPERATOR || caller == Caller.ADMIN;
        case ADMIN -> caller == Caller.ADMIN;
        case DEVICE -> caller == Caller.DEVICE;
        case VIEWER_OR_DEVICE -> caller != Caller.NONE;
      };
    }
  }

  /** Who calls. */
  enum Caller {
    NONE,
    VIEWER,
    OPERATOR,
    ADMIN,
    DEVICE
  }

  record Entry(String method, String path, Access access) {
    String key() {
      return method + " " + path;
    }
  }

  /** Every endpoint of the API and who may call it. Add a row for every endpoint you add. */
  static final List<Entry> TABLE =
      List.of(
          new Entry("GET", "/api/v1", Access.PUBLIC),
          new Entry("GET", "/api/v1/whoami", Access.AUTHENTICATED),
          new Entry("GET", "/api/v1/audit", Access.VIEWER),
          new Entry("GET", "/api/v1/audit/{id}", Access.VIEWER),
          new Entry("POST", "/api/v1/audit/notes", Access.OPERATOR),
          new Entry("POST", "/api/v1/tokens", Access.ADMIN),
          new Entry("GET", "/api/v1/tokens", Access.ADMIN),
          new Entry("GET", "/api/v1/tokens/{id}", Access.ADMIN),
          new Entry("DELETE", "/api/v1/tokens/{id}", Access.ADMIN),
          new Entry("GET", "/api/v1/signing/root", Access.VIEWER_OR_DEVICE),
          new Entry("GET", "/api/v1/signing/root/{version}", Access.VIEWER_OR_DEVICE),
          new Entry("GET", "/api/v1/signing/targets", Access.VIEWER_OR_DEVICE),
          new Entry("POST", "/api/v1/signing/targets", Access.ADMIN),
          new Entry("DELETE", "/api/v1/signing/targets/{path}", Access.ADMIN),
          new Entry("POST", "/api/v1/signing/root/rotate", Access.ADMIN),
          new Entry("POST", "/api/v1/signing/targets/rotate-keys", Access.ADMIN),
          new Entry("POST", "/api/v1/enrollment-tokens", Access.OPERATOR),
          new Entry("GET", "/api/v1/enrollment-tokens", Access.OPERATOR),
          new Entry("DELETE", "/api/v1/enrollment-tokens/{id}", Access.OPERATOR),
          new Entry("POST", "/api/v1/devices/enroll", Access.PUBLIC),
          new Entry("GET", "/api/v1/devices", Access.VIEWER),
          new Entry("GET", "/api/v1/devices/{id}", Access.VIEWER),
          new Entry("PATCH", "/api/v1/devices/{id}", Access.OPERATOR),
          new Entry("PUT", "/api/v1/devices/{id}/desired", Access.OPERATOR),
          new Entry("POST", "/api/v1/devices/{id}/credentials", Access.OPERATOR),
          new Entry("POST", "/api/v1/devices/{id}/decommission", Access.OPERATOR),
          new Entry("GET", "/api/v1/device/desired", Access.DEVICE),
          new Entry("POST", "/api/v1/device/credentials", Access.DEVICE),
          new Entry("POST", "/api/v1/mqtt/authenticate", Access.VIEWER),
          new Entry("POST", "/api/v1/mqtt/authorize", Access.VIEWER),
          new Entry("GET", "/api/v1/fleet/summary", Access.VIEWER),
          new Entry("POST", "/api/v1/models", Access.ADMIN),
          new Entry("GET", "/api/v1/models", Access.VIEWER),
          new Entry("GET", "/api/v1/models/{name}", Access.VIEWER),
          new Entry("POST", "/api/v1/models/{name}/versions", Access.ADMIN),
          new Entry("GET", "/api/v1/models/{name}/versions", Access.VIEWER),
          new Entry("GET", "/api/v1/models/{name}/versions/{version}", Access.VIEWER),
          new Entry(
              "PUT",
              "/api/v1/models/{name}/versions/{version}/variants/{variant}/artifact",
              Access.ADMIN),
          new Entry(
              "GET",
              "/api/v1/models/{name}/versions/{version}/variants/{variant}/download",
              Access.VIEWER),
          new Entry("PUT", "/api/v1/models/{name}/aliases/{alias}", Access.ADMIN),
          new Entry("GET", "/api/v1/models/{name}/aliases", Access.VIEWER),
          new Entry("GET", "/api/v1/models/{name}/aliases/{alias}", Access.VIEWER),
          new Entry("GET", "/api/v1/models/{name}/aliases/{alias}/history", Access.VIEWER),
          new Entry("POST", "/api/v1/rollouts", Access.OPERATOR),
          new Entry("GET", "/api/v1/rollouts", Access.VIEWER),
          new Entry("GET", "/api/v1/rollouts/{id}", Access.VIEWER),
          new Entry("GET", "/api/v1/rollouts/{id}/devices", Access.VIEWER),
          new Entry("POST", "/api/v1/rollouts/{id}/pause", Access.OPERATOR),
          new Entry("POST", "/api/v1/rollouts/{id}/resume", Access.OPERATOR),
          new Entry("POST", "/api/v1/rollouts/{id}/abort", Access.OPERATOR),
          new Entry("POST", "/api/v1/rollouts/{id}/rollback", Access.OPERATOR));

  /** Values for path parameters: harmless ones that name nothing that exists. */
  static final Map<String, String> PARAMETERS =
      Map.of(
          "id",
          "1",
          "name",
          "no-such-model",
          "version",
          "0.0.0-none",
          "alias",
          "none",
          "variant",
          "none");

  private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z0-9_]+)}");

  @Test
  void tableNamesEveryResourceMethod() {
    Set<String> declared =
        Endpoints.all().stream()
            .map(Endpoints.Found::key)
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(keys()).as("endpoints in the table").containsExactlyInAnyOrderElementsOf(declared);
  }

  @Test
  void tableNamesEveryOperationOfTheOpenApiDocument() {
    JsonPath openApi =
        given()
            .queryParam("format", "json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, Map<String, Object>> paths = openApi.getMap("paths");
    Set<String> documented = new TreeSet<>();
    paths.forEach(
        (path, operations) -> {
          if (path.startsWith("/api/")) {
            operations.keySet().stream()
                .filter(m -> Set.of("get", "put", "post", "delete", "patch", "head").contains(m))
                .forEach(m -> documented.add(m.toUpperCase() + " " + Endpoints.normalize(path)));
          }
        });

    assertThat(keys()).containsExactlyInAnyOrderElementsOf(documented);
  }

  @Test
  void everyChangingMethodIsAuditedOrSaysWhyNot() {
    List<String> unaudited = new ArrayList<>();
    for (Endpoints.Found found : Endpoints.all()) {
      boolean changes = !Set.of("GET", "HEAD", "OPTIONS").contains(found.method());
      var method = found.javaMethod();
      if (changes
          && !method.isAnnotationPresent(Audited.class)
          && !method.isAnnotationPresent(Unaudited.class)) {
        unaudited.add(found.key());
      }
    }
    assertThat(unaudited).as("changing endpoints without @Audited or @Unaudited").isEmpty();
  }

  @Test
  void everyEndpointAnswersEveryCallerAsTheTableSays() {
    Map<String, String> consumes = new java.util.HashMap<>();
    for (Endpoints.Found found : Endpoints.all()) {
      var annotation = found.javaMethod().getAnnotation(jakarta.ws.rs.Consumes.class);
      consumes.put(found.key(), annotation == null ? "application/json" : annotation.value()[0]);
    }
    List<String> wrong = new ArrayList<>();
    for (Entry entry : TABLE) {
      String path = concrete(entry.path());
      for (Caller caller : Caller.values()) {
        int status =
            call(
                caller,
                entry.method(),
                path,
                consumes.getOrDefault(entry.key(), "application/json"));
        boolean allowed = entry.access().allows(caller);
        int denied = caller == Caller.NONE ? 401 : 403;
        if (allowed ? status == 401 || status == 403 : status != denied) {
          wrong.add(
              "%s as %s answered %d, expected %s"
                  .formatted(
                      entry.key(), caller, status, allowed ? "neither 401 nor 403" : denied));
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  private static Set<String> keys() {
    Set<String> keys = new TreeSet<>();
    for (Entry entry : TABLE) {
      assertThat(keys.add(entry.key())).as("table lists %s once", entry.key()).isTrue();
    }
    return keys;
  }

  private static String concrete(String template) {
    Matcher m = PARAMETER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, PARAMETERS.getOrDefault(m.group(1), "x0"));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static int call(Caller caller, String method, String path, String contentType) {
    RequestSpecification request =
        switch (caller) {
          case NONE -> given();
          case DEVICE -> given().auth().oauth2(TestDeviceResolver.TOKEN);
          default -> TestTokens.as(caller.name().toLowerCase());
        };
    if (!method.equals("GET") && !method.equals("DELETE")) {
      request =
          contentType.equals("application/json")
              ? request.contentType(contentType).body("{}")
              : request.contentType(contentType).body(new byte[] {1});
    }
    return request.request(method, path).then().extract().statusCode();
  }
}
