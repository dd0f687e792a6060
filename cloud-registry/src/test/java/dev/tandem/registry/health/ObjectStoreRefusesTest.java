package dev.tandem.registry.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** An object store that answers but refuses the credentials is DOWN with the store's own code. */
@QuarkusTest
@WithTestResource(RefusingObjectStoreResource.class)
class ObjectStoreRefusesTest {

  @Test
  void wrongSecretKeyIsDownWithTheStoresErrorCode() {
    var health =
        new HealthReport(
            given().get("/q/health/ready").then().statusCode(503).extract().jsonPath());

    assertThat(health.status(ObjectStoreReadiness.NAME)).isEqualTo("DOWN");
    assertThat(health.data(ObjectStoreReadiness.NAME, "reason"))
        .startsWith("S3 answered AccessDenied");
  }
}
