package dev.tandem.registry.fleet;

import static dev.tandem.registry.device.Devices.eventually;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.tandem.protocol.message.Headers;
import dev.tandem.protocol.message.MessageCodec;
import dev.tandem.protocol.stream.FleetStream;
import dev.tandem.protocol.stream.RecordHeaderNames;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.v1.DeviceStateReport;
import dev.tandem.protocol.v1.Health;
import dev.tandem.protocol.v1.LinkState;
import dev.tandem.registry.auth.TestTokens;
import dev.tandem.registry.device.Devices;
import dev.tandem.testkit.TandemServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real {@code DeviceStateReport} records produced to the real Kafka topic change what the registry
 * shows for the device and the fleet.
 */
@QuarkusTest
@WithTestResource(TandemServersResource.class)
class FleetStateTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  private KafkaProducer<String, byte[]> producer;

  @BeforeEach
  void connect() {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    producer = new KafkaProducer<>(properties);
  }

  @AfterEach
  void close() {
    producer.close(Duration.ofSeconds(5));
  }

  private void publish(DeviceStateReport report, Instant receivedAt) throws Exception {
    var record =
        new ProducerRecord<>(
            FleetStream.STATE.kafkaTopic(),
            report.getHeader().getDeviceId(),
            MessageCodec.DEVICE_STATE.encode(report));
    record
        .headers()
        .add(
            RecordHeaderNames.RECEIVED_AT_MS,
            Long.toString(receivedAt.toEpochMilli()).getBytes(StandardCharsets.UTF_8));
    producer.send(record).get();
  }

  private static DeviceStateReport report(
      String deviceId, long sequence, LinkState link, Map<String, String> models) {
    return DeviceStateReport.newBuilder()
        .setHeader(Headers.create(DeviceId.of(deviceId), sequence, Instant.now()))
        .setAgentVersion("0.1.0-test")
        .putAllModelVersions(models)
        .setHealth(Health.HEALTH_OK)
        .setLinkState(link)
        .build();
  }

  private static JsonPath device(String id) {
    return TestTokens.as("viewer")
        .get("/api/v1/devices/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void reportsMakeADeviceOnlineWithItsModelsAndTheLastWillMakesItOffline() throws Exception {
    String id = Devices.freshId("state");
    Devices.enroll(id, "jetson-orin", List.of("line-1"), Map.of());
    TestTokens.as("operator")
        .contentType(ContentType.JSON)
        .body(Map.of("models", Map.of("vibration", "1.5.0")))
        .put("/api/v1/devices/" + id + "/desired")
        .then()
        .statusCode(200)
        .body("drift[0].model", equalTo("vibration"));
    Instant seen = Instant.parse("2026-11-23T12:00:00Z");

    publish(report(id, 7, LinkState.LINK_STATE_ONLINE, Map.of("vibration", "1.4.0")), seen);
    eventually(WAIT, () -> device(id).getBoolean("state.online"), id + " online");

    JsonPath online = device(id);
    assertThat(online.getString("state.agentVersion")).isEqualTo("0.1.0-test");
    assertThat(online.getMap("state.models")).containsEntry("vibration", "1.4.0");
    assertThat(online.getString("state.lastSeen")).isEqualTo("2026-11-23T12:00:00Z");
    assertThat(online.getLong("state.lastSequence")).isEqualTo(7);
    assertThat(online.getBoolean("drifted")).isTrue();
    assertThat(online.getString("drift[0].desired")).isEqualTo("1.5.0");
    assertThat(online.getString("drift[0].actual")).isEqualTo("1.4.0");

    // The last will: composed at connect time, so an older sequence and no models.
    publish(report(id, 5, LinkState.LINK_STATE_OFFLINE, Map.of()), seen.plusSeconds(60));
    eventually(WAIT, () -> !device(id).getBoolean("state.online"), id + " offline");
    JsonPath offline = device(id);
    assertThat(offline.getString("state.linkState")).isEqualTo("LINK_STATE_OFFLINE");
    assertThat(offline.getString("state.lastSeen")).isEqualTo("2026-11-23T12:01:00Z");
    assertThat(offline.getMap("state.models")).containsEntry("vibration", "1.4.0");

    publish(
        report(id, 8, LinkState.LINK_STATE_ONLINE, Map.of("vibration", "1.5.0")),
        seen.plusSeconds(120));
    eventually(WAIT, () -> device(id).getBoolean("state.online"), id + " online again");
    assertThat(device(id).getBoolean("drifted")).isFalse();
  }

  @Test
  void theSummaryCountsOnlineOfflineAndDriftedPerModelAndHardwareClass() throws Exception {
    String model = "m" + Devices.freshId("x").replace("-", "");
    String a = Devices.freshId("sum");
    String b = Devices.freshId("sum");
    Devices.enroll(a, "raspberry-pi", List.of(), Map.of());
    Devices.enroll(b, "raspberry-pi", List.of(), Map.of());
    for (String id : List.of(a, b)) {
      TestTokens.as("operator")
          .contentType(ContentType.JSON)
          .body(Map.of("models", Map.of(model, "2.0.0")))
          .put("/api/v1/devices/" + id + "/desired")
          .then()
          .statusCode(200);
    }

    publish(report(a, 1, LinkState.LINK_STATE_ONLINE, Map.of(model, "2.0.0")), Instant.now());
    publish(report(b, 1, LinkState.LINK_STATE_ONLINE, Map.of(model, "1.0.0")), Instant.now());
    eventually(
        WAIT,
        () -> device(a).getBoolean("state.online") && device(b).getBoolean("state.online"),
        "both online");

    JsonPath summary =
        TestTokens.as("viewer")
            .get("/api/v1/fleet/summary")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, Object> counts =
        summary.getMap("byModel.find { it.model == '" + model + "' }.counts");
    assertThat(counts)
        .containsEntry("total", 2)
        .containsEntry("online", 2)
        .containsEntry("offline", 0)
        .containsEntry("drifted", 1);
    assertThat(summary.getInt("byModel.find { it.model == '" + model + "' }.desired")).isEqualTo(2);
    assertThat(summary.getInt("byModel.find { it.model == '" + model + "' }.running")).isEqualTo(2);
    assertThat(
            summary.getInt(
                "byHardwareClass.find { it.hardwareClass == 'raspberry-pi' }.counts.total"))
        .isGreaterThanOrEqualTo(2);
    assertThat(summary.getInt("devices.drifted")).isGreaterThanOrEqualTo(1);

    given()
        .auth()
        .oauth2(TestTokens.of("viewer"))
        .queryParam("selector", "drifted=true,id in (" + a + "," + b + ")")
        .get("/api/v1/devices")
        .then()
        .statusCode(200)
        .body("devices.id", org.hamcrest.Matchers.contains(b));
  }

  @Test
  void malformedRecordsAndUnknownDevicesAreSkippedWithoutStoppingTheConsumer() throws Exception {
    producer
        .send(new ProducerRecord<>(FleetStream.STATE.kafkaTopic(), "junk", new byte[] {1, 2, 3}))
        .get();
    publish(report("never-enrolled", 1, LinkState.LINK_STATE_ONLINE, Map.of()), Instant.now());
    String id = Devices.freshId("after-junk");
    Devices.enroll(id, "coral", List.of(), Map.of());

    publish(report(id, 1, LinkState.LINK_STATE_ONLINE, Map.of()), Instant.now());

    eventually(WAIT, () -> device(id).getBoolean("state.online"), id + " online after junk");
  }
}
