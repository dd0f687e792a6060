package dev.tandem.registry.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.tandem.testkit.TandemServersResource;
import io.minio.BucketExistsArgs;
import io.minio.MinioClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TandemServersResource.class)
class ReadinessTest {
  static final String DATABASE_CHECK = "Database connections health check";

  @Inject MinioClient minio;

  @Test
  void readinessIsUpWithDatabaseObjectStoreAndKafkaEachUp() {
    HealthReport health =
        new HealthReport(
            given()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .extract()
                .jsonPath());

    assertThat(health.status(DATABASE_CHECK)).isEqualTo("UP");
    assertThat(health.status("object-store")).isEqualTo("UP");
    assertThat(health.data("object-store", "bucket")).isEqualTo("tandem-models");
    assertThat(health.status("kafka")).isEqualTo("UP");
    assertThat(health.data("kafka", "clusterId")).isNotBlank();
    assertThat(Integer.parseInt(health.data("kafka", "brokers"))).isEqualTo(1);
    assertThat(health.json().getList("checks.data.reason")).containsOnlyNulls();
  }

  @Test
  void livenessIsUp() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void artifactBucketExistsOnceReady() throws Exception {
    given().get("/q/health/ready").then().statusCode(200);

    assertThat(minio.bucketExists(BucketExistsArgs.builder().bucket("tandem-models").build()))
        .isTrue();
  }

  @Test
  void metricsAreExposedForPrometheus() {
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes"));
  }
}
