package dev.tandem.registry.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.registry.device.Devices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL lost after start: readiness turns DOWN naming the database while the other checks stay
 * UP, and turns UP again once the database is back.
 */
@QuarkusTest
@WithTestResource(DatabaseBehindProxyResource.class)
class DatabaseDownTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @AfterEach
  void reconnect() {
    DatabaseBehindProxyResource.link().restore();
  }

  @Test
  void readinessIsDownWhileTheDatabaseIsUnreachableAndUpWhenItReturns() {
    Devices.eventually(WAIT, () -> readiness().statusCode() == 200, "readiness UP at start");

    DatabaseBehindProxyResource.link().cut();

    Devices.eventually(WAIT, () -> readiness().statusCode() == 503, "readiness DOWN");
    HealthReport down = new HealthReport(readiness().jsonPath());
    assertThat(down.json().getString("status")).isEqualTo("DOWN");
    assertThat(down.status(ReadinessTest.DATABASE_CHECK)).isEqualTo("DOWN");
    assertThat(down.status("object-store")).isEqualTo("UP");
    assertThat(down.status("kafka")).isEqualTo("UP");
    given().get("/q/health/live").then().statusCode(200);

    DatabaseBehindProxyResource.link().restore();

    Devices.eventually(WAIT, () -> readiness().statusCode() == 200, "readiness UP again");
    assertThat(new HealthReport(readiness().jsonPath()).status(ReadinessTest.DATABASE_CHECK))
        .isEqualTo("UP");
  }

  private static io.restassured.response.Response readiness() {
    return given().get("/q/health/ready");
  }
}
