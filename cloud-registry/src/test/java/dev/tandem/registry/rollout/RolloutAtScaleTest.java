package dev.tandem.registry.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.deploy.engine.EngineSettings;
import dev.tandem.deploy.engine.RolloutEngine;
import dev.tandem.deploy.engine.RolloutView;
import dev.tandem.deploy.port.DesiredChange;
import dev.tandem.deploy.spec.RolloutSpec;
import dev.tandem.deploy.spec.Strategy;
import dev.tandem.deploy.spec.WavePlan;
import dev.tandem.deploy.state.DeviceUpdateState;
import dev.tandem.deploy.state.RolloutState;
import dev.tandem.protocol.message.MessageCodec;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.servers.MqttEndpoint;
import dev.tandem.testkit.MqttTestClient;
import dev.tandem.testkit.TandemServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand devices through the real PostgreSQL and broker: the engine plans, sends and saves
 * them in batches, a second engine over the same store continues where the first was, and the
 * publisher sets and publishes ten thousand desired states. Durations are printed, not asserted.
 */
@QuarkusTest
@WithTestResource(TandemServersResource.class)
class RolloutAtScaleTest {
  private static final int DEVICES = 10_000;

  @Inject DataSource dataSource;
  @Inject JdbcRolloutStore store;
  @Inject RegistryFleetView fleet;
  @Inject MqttDesiredPublisher publisher;

  @ConfigProperty(name = "tandem.mqtt.url")
  String mqttUrl;

  private final String group = "scale-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void insertDevices() throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO device (id, hardware_class, groups, enrolled_at,"
                    + " credentials_issued_at) SELECT ? || '-' || lpad(g::text, 5, '0'), 'x86-cpu',"
                    + " ARRAY[?], now(), now() FROM generate_series(1, ?) g")) {
      s.setString(1, group);
      s.setString(2, group);
      s.setInt(3, DEVICES);
      assertThat(s.executeUpdate()).isEqualTo(DEVICES);
    }
  }

  @AfterEach
  void deleteDevices() throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("DELETE FROM device WHERE ? = ANY (groups)")) {
      s.setString(1, group);
      s.executeUpdate();
    }
  }

  @Test
  void tenThousandDevicesAreSentSavedAndReloadedInBatches() {
    List<DesiredChange> sent = new ArrayList<>();
    AtomicInteger ids = new AtomicInteger();
    RolloutEngine engine = engine(sent::addAll, ids);
    RolloutSpec spec =
        new RolloutSpec(
            "scale-model",
            "2.0.0",
            Map.of("x86-cpu", "fp32"),
            "group=" + group,
            Strategy.defaults(WavePlan.allAtOnce()));

    long start = System.nanoTime();
    String id = engine.create(spec, "test").id();
    long created = System.nanoTime();
    engine.tick();
    long ticked = System.nanoTime();
    System.out.printf(
        "rollout at scale: create (select + plan + save %d devices) %d ms, first tick (send +"
            + " save %d) %d ms%n",
        DEVICES, (created - start) / 1_000_000, sent.size(), (ticked - created) / 1_000_000);
    assertThat(sent).hasSize(DEVICES);

    long reloadStart = System.nanoTime();
    RolloutEngine restarted = engine(changes -> {}, ids);
    restarted.start();
    RolloutView view = restarted.view(id);
    System.out.printf(
        "rollout at scale: restart (load %d devices) %d ms%n",
        view.devices(), (System.nanoTime() - reloadStart) / 1_000_000);
    assertThat(restarted.drives(id)).isTrue();
    assertThat(view.rollout().state()).isEqualTo(RolloutState.RUNNING);
    assertThat(view.byState().get(DeviceUpdateState.DESIRED_SENT)).isEqualTo(DEVICES);
    assertThat(restarted.abort(id, "test").rollout().state()).isEqualTo(RolloutState.ABORTED);
  }

  @Test
  void tenThousandDesiredStatesAreRecordedAndPublishedRetained() throws Exception {
    List<DesiredChange> changes = new ArrayList<>();
    for (int i = 1; i <= DEVICES; i++) {
      changes.add(
          new DesiredChange(
              String.format("%s-%05d", group, i),
              "x86-cpu",
              "ro-scale",
              "scale-model",
              "2.0.0",
              "fp32"));
    }
    long start = System.nanoTime();
    publisher.publish(changes);
    System.out.printf(
        "rollout at scale: %d desired states recorded and published (QoS 1, retained) in %d ms%n",
        DEVICES, (System.nanoTime() - start) / 1_000_000);

    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT count(*) FROM device WHERE ? = ANY (groups)"
                    + " AND desired_models ->> 'scale-model' = '2.0.0'")) {
      s.setString(1, group);
      try (ResultSet row = s.executeQuery()) {
        row.next();
        assertThat(row.getInt(1)).isEqualTo(DEVICES);
      }
    }
    String last = String.format("%s-%05d", group, DEVICES);
    try (var client = MqttTestClient.connect(MqttEndpoint.of(mqttUrl), "scale-" + group)) {
      client.subscribe("fleet/" + last + "/desired", 1);
      var received = client.next(Duration.ofSeconds(10));
      assertThat(received).isNotNull();
      assertThat(received.retained()).isTrue();
      var state = MessageCodec.DESIRED_STATE.decode(received.payload(), DeviceId.of(last));
      assertThat(state.getRolloutId()).isEqualTo("ro-scale");
      assertThat(state.getModels(0).getVersion()).isEqualTo("2.0.0");
    }
  }

  private RolloutEngine engine(dev.tandem.deploy.port.DesiredPublisher desired, AtomicInteger ids) {
    return new RolloutEngine(
        store,
        fleet,
        desired,
        InstantSource.system(),
        EngineSettings.DEFAULT,
        () -> "scale-" + group + "-" + ids.incrementAndGet());
  }
}
