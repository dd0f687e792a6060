package dev.tandem.registry.rollout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.deploy.port.DesiredChange;
import dev.tandem.deploy.port.DesiredPublisher;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.topic.Topics;
import dev.tandem.registry.config.TandemConfig;
import dev.tandem.registry.jdbc.Jdbc;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Makes the engine's decisions real: first the {@code device.desired_models} of every changed
 * device in one statement (so {@code GET /api/v1/device/desired} agrees at once), then each
 * device's whole desired state, retained, on {@code fleet/{id}/desired}.
 */
@ApplicationScoped
public class MqttDesiredPublisher implements DesiredPublisher {
  private static final Logger LOG = Logger.getLogger(MqttDesiredPublisher.class);
  private static final TypeReference<TreeMap<String, String>> MODELS = new TypeReference<>() {};

  // Later changes of one device win: the batch arrives in decision order. The chosen variant is
  // kept beside the version, so the device's HTTP fallback serves the variant published here.
  private static final String UPDATE =
      "UPDATE device d SET desired_models = CASE WHEN c.version IS NULL"
          + " THEN d.desired_models - c.model"
          + " ELSE d.desired_models || jsonb_build_object(c.model, c.version) END,"
          + " desired_variants = CASE WHEN c.version IS NULL OR c.variant IS NULL"
          + " THEN d.desired_variants - c.model"
          + " ELSE d.desired_variants || jsonb_build_object(c.model, c.variant) END,"
          + " desired_updated_at = ?"
          + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[])"
          + " AS c(id, model, version, variant)"
          + " WHERE d.id = c.id"
          + " RETURNING d.id, d.hardware_class, d.desired_models::text AS desired,"
          + " d.desired_variants::text AS variants";

  private final Jdbc jdbc;
  private final DesiredStates states;
  private final TandemConfig tandem;
  private final RolloutConfig config;
  private final InstantSource clock;
  private final ObjectMapper json;
  private final MeterRegistry meters;
  private volatile FleetBroker broker;

  MqttDesiredPublisher(
      DataSource dataSource,
      DesiredStates states,
      TandemConfig tandem,
      RolloutConfig config,
      InstantSource clock,
      ObjectMapper json,
      MeterRegistry meters) {
    this.jdbc = new Jdbc(dataSource);
    this.states = states;
    this.tandem = tandem;
    this.config = config;
    this.clock = clock;
    this.json = json;
    this.meters = meters;
  }

  /** Connects to the broker; called once at start. */
  void connect() {
    FleetBroker b = new FleetBroker(tandem.mqtt(), config.publishInFlight());
    b.connect(java.time.Duration.ofSeconds(2));
    broker = b;
  }

  void close() {
    FleetBroker b = broker;
    if (b != null) {
      b.close();
    }
  }

  @Override
  public void publish(List<DesiredChange> changes) {
    FleetBroker b = broker;
    if (b == null) {
      throw new IllegalStateException("the rollout publisher is not connected");
    }
    // One change per device (the last), so that one statement updates each row once.
    Map<String, DesiredChange> last = new LinkedHashMap<>();
    for (DesiredChange change : changes) {
      last.remove(change.deviceId());
      last.put(change.deviceId(), change);
    }
    int n = last.size();
    String[] ids = new String[n];
    String[] models = new String[n];
    String[] versions = new String[n];
    String[] variants = new String[n];
    int i = 0;
    for (DesiredChange c : last.values()) {
      ids[i] = c.deviceId();
      models[i] = c.model();
      versions[i] = c.version();
      variants[i] = c.variant();
      i++;
    }
    long start = System.nanoTime();
    Map<String, byte[]> messages = new HashMap<>(n * 2);
    DesiredStates.Batch batch = states.batch();
    jdbc.list(
        "setting the desired models of " + n + " devices",
        UPDATE,
        s -> {
          s.setTimestamp(1, Timestamp.from(clock.instant()));
          s.setArray(2, s.getConnection().createArrayOf("text", ids));
          s.setArray(3, s.getConnection().createArrayOf("text", models));
          s.setArray(4, s.getConnection().createArrayOf("text", versions));
          s.setArray(5, s.getConnection().createArrayOf("text", variants));
        },
        row -> {
          String id = row.getString("id");
          DesiredChange change = last.get(id);
          var state =
              batch.build(
                  id,
                  row.getString("hardware_class"),
                  change.rolloutId(),
                  read(row.getString("desired")),
                  read(row.getString("variants")));
          messages.put(Topics.desired(DeviceId.of(id)), DesiredStates.encode(state));
          return id;
        });
    if (messages.size() < n) {
      LOG.warnf(
          "rollouts: %d of %d devices to update are not in the registry any more",
          n - messages.size(), n);
    }
    long recorded = System.nanoTime();
    b.publishRetained(messages, config.publishTimeout());
    meters.counter("tandem.rollouts.desired.published").increment(messages.size());
    LOG.debugf(
        "rollouts: %d desired states recorded and built in %d ms, published in %d ms",
        messages.size(),
        (recorded - start) / 1_000_000,
        (System.nanoTime() - recorded) / 1_000_000);
  }

  private Map<String, String> read(String text) {
    try {
      return json.readValue(text, MODELS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the database returned malformed jsonb", e);
    }
  }
}
