package dev.tandem.sandbox.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.edgemodel.Activation;
import dev.tandem.edgemodel.DenseLayer;
import dev.tandem.edgemodel.EdgeModel;
import dev.tandem.edgemodel.EdgeModelWriter;
import dev.tandem.sandbox.config.SandboxConfig;
import dev.tandem.sandbox.registry.DeviceEnrollment;
import dev.tandem.sandbox.registry.RolloutWatch;
import dev.tandem.sandbox.registry.VersionBodies;
import dev.tandem.servers.stack.EmbeddedPorts;
import dev.tandem.trainer.registry.RegistryApi;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox's own fleet is a real playground: its devices are enrolled in the control plane's
 * device registry, log in to a broker that refuses everyone else and keeps devices on their own
 * topics, come online, take a rollout made over REST, and come back on a second start on the same
 * data directory.
 */
class SandboxFleetTest {
  private static final int DEVICES = 2;
  private static final String MODEL = "sandbox-fleet-test";
  private static final String VERSION = "1.0.0";
  private static final String VARIANT = "fp32";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int BAD_LOGIN = 0x86;
  private static final int NOT_AUTHORIZED = 0x87;

  @TempDir Path dir;

  @Test
  void fleetIsEnrolledOnlineTakesARolloutAndComesBackOnTheSameData() throws Exception {
    SandboxConfig resolved = new ServerOptions().resolve(dir, EmbeddedPorts.ANY, true);
    var config = new SandboxConfig(resolved.dataDir(), resolved.stack(), 0, DEVICES, 0);
    PrintStream progress = System.err;
    List<String> ids = List.of("sim-0001", "sim-0002");

    try (Sandbox sandbox = Sandbox.open(config)) {
      sandbox.start(progress);
      RegistryApi admin = sandbox.admin();
      assertThat(sandbox.fleet()).get().extracting(f -> f.ids()).isEqualTo(ids);

      List<JsonNode> devices = await(admin, ids, d -> d.at("/state/online").asBoolean());
      for (JsonNode device : devices) {
        assertThat(device.path("hardwareClass").asText()).isEqualTo(Sandbox.FLEET_HARDWARE);
        assertThat(device.path("groups").toString()).contains(Sandbox.FLEET_GROUP);
      }

      String broker = sandbox.stack().mqtt().serverUri();
      // Nobody logs in without credentials, not even with a device's id.
      for (String clientId : List.of("anonymous-1", "sim-0001")) {
        assertThatThrownBy(() -> connect(broker, clientId, null))
            .isInstanceOf(MqttException.class)
            .extracting(e -> ((MqttException) e).getReasonCode())
            .isEqualTo(BAD_LOGIN);
      }
      // An enrolled device logs in, but stays on its own topics.
      DeviceEnrollment other =
          DeviceEnrollment.enroll(admin, "intruder-1", Sandbox.FLEET_HARDWARE, List.of("test"));
      MqttAsyncClient intruder = connect(broker, other.deviceId(), other.mqttPassword());
      try {
        assertThat(subscribe(intruder, "fleet/intruder-1/desired")).isEqualTo(1);
        assertThat(subscribe(intruder, "fleet/sim-0001/desired")).isEqualTo(NOT_AUTHORIZED);
      } finally {
        intruder.disconnect().waitForCompletion(5_000);
        intruder.close();
      }

      register(admin);
      String id = admin.post("/api/v1/rollouts", rollout()).path("id").asText();
      RolloutWatch.Outcome outcome = new RolloutWatch(admin, progress).follow(id, DEVICES, TIMEOUT);
      assertThat(outcome.state()).as(outcome.last().toString()).isEqualTo("COMPLETED");
      await(admin, ids, d -> d.at("/state/models/" + MODEL).asText().equals(VERSION));
    }

    // Again on the same data: the registry knows the devices; they get new credentials, no error.
    Instant restart = Instant.now();
    try (Sandbox again = Sandbox.open(config)) {
      again.start(progress);
      RegistryApi admin = again.admin();
      List<JsonNode> devices =
          await(
              admin,
              ids,
              d ->
                  d.at("/state/online").asBoolean()
                      && d.at("/state/lastSeen").isTextual()
                      && Instant.parse(d.at("/state/lastSeen").asText()).isAfter(restart));
      assertThat(devices).hasSize(DEVICES);
      // The update clients kept the version they installed.
      await(admin, ids, d -> d.at("/state/models/" + MODEL).asText().equals(VERSION));
      // The broker asks the control plane with a viewer token of its own, never the admin's: one
      // live per data directory, the first start's revoked.
      List<String> brokerRoles = new ArrayList<>();
      for (JsonNode token : admin.get("/api/v1/tokens")) {
        if (token.path("name").asText().equals(BrokerToken.NAME)) {
          brokerRoles.add(token.path("role").asText());
        }
      }
      assertThat(brokerRoles).containsExactly("viewer");
    }
  }

  private static MqttAsyncClient connect(String broker, String clientId, String password)
      throws MqttException {
    var client = new MqttAsyncClient(broker, clientId, new MemoryPersistence());
    var options = new MqttConnectionOptions();
    options.setCleanStart(true);
    if (password != null) {
      options.setUserName(clientId);
      options.setPassword(password.getBytes(StandardCharsets.UTF_8));
    }
    try {
      client.connect(options).waitForCompletion(10_000);
    } catch (MqttException e) {
      client.close();
      throw e;
    }
    return client;
  }

  /** The SUBACK reason code: the granted QoS, or a failure code. */
  private static int subscribe(MqttAsyncClient client, String filter) throws MqttException {
    IMqttToken token = client.subscribe(new MqttSubscription(filter, 1));
    token.waitForCompletion(5_000);
    return token.getReasonCodes()[0];
  }

  /** Waits until every device of the sandbox group is listed and holds; answers them. */
  private static List<JsonNode> await(
      RegistryApi admin, List<String> ids, Predicate<JsonNode> holds)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      List<JsonNode> devices = new ArrayList<>();
      admin
          .get("/api/v1/devices?limit=100&selector=group%3D" + Sandbox.FLEET_GROUP)
          .path("devices")
          .forEach(devices::add);
      List<String> holding =
          devices.stream().filter(holds).map(d -> d.path("id").asText()).sorted().toList();
      if (holding.equals(ids)) {
        return devices;
      }
      assertThat(System.nanoTime()).as("devices now: %s", devices).isLessThan(deadline);
      Thread.sleep(250);
    }
  }

  /** A tiny real edge model (8 inputs, 2 outputs) as one version for the fleet's hardware. */
  private static void register(RegistryApi admin) throws IOException, InterruptedException {
    float[] weights = new float[8 * 2];
    java.util.Arrays.fill(weights, 0.01f);
    byte[] artifact =
        EdgeModelWriter.toBytes(
            EdgeModel.builder()
                .name(MODEL)
                .version(VERSION)
                .layer(DenseLayer.float32(8, 2, Activation.LINEAR, weights, new float[2]))
                .metadata("task", "classify")
                .build());
    admin.post("/api/v1/models", Map.of("name", MODEL, "description", "sandbox fleet test"));
    String model = "/api/v1/models/" + MODEL;
    var variant = new VersionBodies.Variant(VARIANT, Sandbox.FLEET_HARDWARE, artifact);
    admin.post(model + "/versions", VersionBodies.version(VERSION, null, List.of(variant), "tedg"));
    admin.putBytes(model + "/versions/" + VERSION + "/variants/" + VARIANT + "/artifact", artifact);
  }

  private static Map<String, Object> rollout() {
    return Map.of(
        "model",
        MODEL,
        "version",
        VERSION,
        "selector",
        "group=" + Sandbox.FLEET_GROUP,
        "variants",
        Map.of(Sandbox.FLEET_HARDWARE, VARIANT),
        "strategy",
        Map.of(
            "waves",
            Map.of("percent", List.of(100)),
            "successThreshold",
            1.0,
            "bakeTime",
            "1s",
            "gate",
            Map.of("requireHealthData", false)));
  }
}
