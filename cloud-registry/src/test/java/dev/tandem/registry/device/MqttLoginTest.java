package dev.tandem.registry.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import dev.tandem.registry.auth.TestTokens;
import dev.tandem.servers.mqtt.ControlPlaneLogins;
import dev.tandem.servers.mqtt.EmbeddedMqttBroker;
import dev.tandem.testkit.MqttTestClient;
import dev.tandem.testkit.TandemServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Device logins on a real broker decided by the control plane: the embedded HiveMQ asks {@code
 * /api/v1/mqtt/authenticate} about every device login and keeps devices to their own topics.
 */
@QuarkusTest
@WithTestResource(TandemServersResource.class)
class MqttLoginTest {
  private static final int NOT_AUTHORIZED = 0x87;
  private static final String SERVICE = "bridge";
  private static final String SERVICE_PASSWORD = "bridge-secret";

  private static Path home;
  private static EmbeddedMqttBroker broker;

  /** Started at first use: the application (and its port) is up only once a test runs. */
  private static synchronized EmbeddedMqttBroker broker() throws Exception {
    if (broker != null) {
      return broker;
    }
    home = Files.createTempDirectory("mqtt-login-test");
    URI controlPlane = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
    broker =
        EmbeddedMqttBroker.start(
            home,
            0,
            false,
            null,
            new ControlPlaneLogins(
                controlPlane, TestTokens.of("viewer"), Map.of(SERVICE, SERVICE_PASSWORD)));
    return broker;
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (broker != null) {
      broker.close();
    }
    if (home != null) {
      dev.tandem.servers.Directories.deleteTree(home);
    }
  }

  @Test
  void theControlPlaneAnswersLoginChecks() {
    String id = Devices.freshId("login");
    JsonPath device = Devices.enroll(id, "coral", List.of(), Map.of());
    String password = device.getString("credentials.mqtt.password");

    assertLogin(id, id, password, "allow");
    assertLogin(id, id, password + "x", "deny");
    assertLogin("someone-else", id, password, "deny");
    assertLogin("nobody-" + id, "nobody-" + id, password, "deny");

    String rotated =
        RestAssured.given()
            .auth()
            .oauth2(device.getString("credentials.deviceToken"))
            .post("/api/v1/device/credentials")
            .then()
            .statusCode(200)
            .extract()
            .path("mqtt.password");
    assertLogin(id, id, password, "deny");
    assertLogin(id, id, rotated, "allow");
  }

  @Test
  void theControlPlaneAnswersTopicChecksAndRefusesABadAction() {
    assertTopic("pump-1", "fleet/pump-1/telemetry", "PUBLISH", "allow");
    assertTopic("pump-1", "fleet/pump-2/telemetry", "PUBLISH", "deny");
    assertTopic("pump-1", "fleet/pump-1/desired", "SUBSCRIBE", "allow");
    assertTopic("pump-1", "fleet/#", "SUBSCRIBE", "deny");
    TestTokens.as("viewer")
        .contentType(ContentType.JSON)
        .body(Map.of("username", "pump-1", "topic", "fleet/pump-1/state", "action", "DELETE"))
        .post("/api/v1/mqtt/authorize")
        .then()
        .statusCode(400);
  }

  @Test
  void theBrokerAdmitsADeviceWithItsCredentialsAndKeepsItToItsOwnTopics() throws Exception {
    String id = Devices.freshId("broker");
    String other = Devices.freshId("neighbour");
    JsonPath device = Devices.enroll(id, "coral", List.of(), Map.of());
    Devices.enroll(other, "coral", List.of(), Map.of());
    String password = device.getString("credentials.mqtt.password");

    assertThatThrownBy(() -> connect(id, id, "wrong-password"))
        .isInstanceOf(MqttException.class)
        .extracting(e -> ((MqttException) e).getReasonCode())
        .isEqualTo(0x86);

    MqttTestClient service =
        MqttTestClient.connect(broker().endpoint(), "bridge-1", SERVICE, SERVICE_PASSWORD);
    MqttAsyncClient client = connect(id, id, password);
    try {
      service.subscribe("fleet/+/telemetry", 1);

      assertThat(subscribe(client, "fleet/" + id + "/desired")).isEqualTo(1);
      assertThat(subscribe(client, "fleet/" + other + "/desired")).isEqualTo(NOT_AUTHORIZED);
      assertThat(subscribe(client, "fleet/+/desired")).isEqualTo(NOT_AUTHORIZED);

      assertThat(publish(client, "fleet/" + id + "/telemetry", "mine")).isZero();
      // HiveMQ answers a forged publish with PUBACK 0x87 and then disconnects the client with the
      // same code, so the publish either reports the code or fails with the disconnect.
      try {
        assertThat(publish(client, "fleet/" + other + "/telemetry", "forged"))
            .isEqualTo(NOT_AUTHORIZED);
      } catch (MqttException e) {
        assertThat(e).hasMessageContaining("Not authorized to publish");
      }

      MqttTestClient.Received first = service.next(Duration.ofSeconds(10));
      assertThat(first.topic()).isEqualTo("fleet/" + id + "/telemetry");
      assertThat(first.text()).isEqualTo("mine");
      assertThat(service.next(Duration.ofSeconds(1))).as("the forged message").isNull();
    } finally {
      if (client.isConnected()) {
        client.disconnect().waitForCompletion(5_000);
      }
      service.close();
    }
  }

  private static void assertLogin(String clientId, String username, String password, String is) {
    TestTokens.as("viewer")
        .contentType(ContentType.JSON)
        .body(Map.of("clientId", clientId, "username", username, "password", password))
        .post("/api/v1/mqtt/authenticate")
        .then()
        .statusCode(200)
        .body("result", equalTo(is));
  }

  private static void assertTopic(String username, String topic, String action, String is) {
    TestTokens.as("viewer")
        .contentType(ContentType.JSON)
        .body(Map.of("username", username, "topic", topic, "action", action))
        .post("/api/v1/mqtt/authorize")
        .then()
        .statusCode(200)
        .body("result", equalTo(is));
  }

  private static MqttAsyncClient connect(String clientId, String username, String password)
      throws Exception {
    var client =
        new MqttAsyncClient(
            broker().endpoint().uri().toString(), clientId, new MemoryPersistence());
    var options = new MqttConnectionOptions();
    options.setUserName(username);
    options.setPassword(password.getBytes(StandardCharsets.UTF_8));
    options.setCleanStart(true);
    client.connect(options).waitForCompletion(10_000);
    return client;
  }

  /** The SUBACK reason code: the granted QoS, or a failure code. */
  private static int subscribe(MqttAsyncClient client, String filter) throws MqttException {
    IMqttToken token = client.subscribe(new MqttSubscription(filter, 1));
    token.waitForCompletion(5_000);
    return token.getReasonCodes()[0];
  }

  /** The PUBACK reason code of a QoS 1 publish. */
  private static int publish(MqttAsyncClient client, String topic, String text)
      throws MqttException {
    var message = new MqttMessage(text.getBytes(StandardCharsets.UTF_8));
    message.setQos(1);
    IMqttToken token = client.publish(topic, message);
    token.waitForCompletion(5_000);
    int[] codes = token.getReasonCodes();
    return codes == null || codes.length == 0 ? 0 : codes[0];
  }
}
