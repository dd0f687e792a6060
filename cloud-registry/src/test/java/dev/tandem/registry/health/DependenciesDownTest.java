package dev.tandem.registry.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** With the object store and Kafka unreachable the service still starts and serves, not ready. */
@QuarkusTest
@WithTestResource(UnreachableDependenciesResource.class)
class DependenciesDownTest {

  @Test
  void readinessIsDownNamingEachUnreachableDependencyAndWhy() {
    HealthReport health =
        new HealthReport(
            given()
                .get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .extract()
                .jsonPath());

    assertThat(health.status(ReadinessTest.DATABASE_CHECK)).isEqualTo("UP");
    assertThat(health.status("object-store")).isEqualTo("DOWN");
    assertThat(health.data("object-store", "endpoint"))
        .isEqualTo(UnreachableDependenciesResource.url());
    assertThat(health.data("object-store", "reason")).startsWith("cannot connect");
    assertThat(health.status("kafka")).isEqualTo("DOWN");
    assertThat(health.data("kafka", "endpoint"))
        .isEqualTo(UnreachableDependenciesResource.hostAndPort());
    assertThat(health.data("kafka", "reason")).isNotBlank();
    assertThat(health.json().prettify()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void livenessAndTheApiStayUp() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    given().get("/api/v1").then().statusCode(200);
  }
}
