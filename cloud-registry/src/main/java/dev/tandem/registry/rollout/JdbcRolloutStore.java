package dev.tandem.registry.rollout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.deploy.port.DeviceRecord;
import dev.tandem.deploy.port.RolloutChanges;
import dev.tandem.deploy.port.RolloutEvent;
import dev.tandem.deploy.port.RolloutRecord;
import dev.tandem.deploy.port.RolloutStore;
import dev.tandem.deploy.port.WaveRecord;
import dev.tandem.deploy.spec.RolloutSpec;
import dev.tandem.deploy.state.DeviceUpdateState;
import dev.tandem.deploy.state.RolloutState;
import dev.tandem.deploy.state.WavePhase;
import dev.tandem.registry.jdbc.Columns;
import dev.tandem.registry.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The engine's store in PostgreSQL (migration {@code V20}). A save is one transaction; the device
 * updates of a save go in one {@code INSERT ... SELECT FROM unnest(...) ON CONFLICT} statement, so
 * a tick that touches 10,000 devices makes one round trip for them.
 */
@ApplicationScoped
public class JdbcRolloutStore implements RolloutStore {

  private static final String ROLLOUT_COLUMNS =
      "id, spec::text AS spec, state, reason, current_wave, following, created_by, created_at,"
          + " updated_at";

  private static final String DEVICE_COLUMNS =
      "device_id, hardware_class, variant, wave, state, reason, attempts, previous_version,"
          + " sent_at, retry_at, reported_version, updated_at";

  private static final String UPSERT_DEVICES =
      "INSERT INTO rollout_device (rollout_id, "
          + DEVICE_COLUMNS
          + ") SELECT ?, d.device_id, d.hardware_class, d.variant, d.wave, d.state, d.reason,"
          + " d.attempts, d.previous_version, d.sent_at::timestamptz, d.retry_at::timestamptz,"
          + " d.reported_version, d.updated_at::timestamptz"
          + " FROM unnest(?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[],"
          + " ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
          + " AS d(device_id, hardware_class, variant, wave, state, reason, attempts,"
          + " previous_version, sent_at, retry_at, reported_version, updated_at)"
          + " ON CONFLICT (rollout_id, device_id) DO UPDATE SET hardware_class ="
          + " excluded.hardware_class, variant = excluded.variant, wave = excluded.wave, state ="
          + " excluded.state, reason = excluded.reason, attempts = excluded.attempts,"
          + " previous_version = excluded.previous_version, sent_at = excluded.sent_at, retry_at"
          + " = excluded.retry_at, reported_version = excluded.reported_version, updated_at ="
          + " excluded.updated_at";

  private final Jdbc jdbc;
  private final ObjectMapper json;

  JdbcRolloutStore(DataSource dataSource, ObjectMapper json) {
    this.jdbc = new Jdbc(dataSource);
    this.json = json;
  }

  @Override
  public void save(RolloutChanges changes) {
    RolloutRecord r = changes.rollout();
    jdbc.inTransaction(
        "saving rollout " + r.id(),
        connection -> {
          saveRollout(connection, r, changes.created());
          saveWaves(connection, r.id(), changes.waves());
          saveDevices(connection, r.id(), changes.devices());
          saveEvents(connection, changes.events());
        });
  }

  private void saveRollout(Connection connection, RolloutRecord r, boolean created)
      throws SQLException {
    String sql =
        created
            ? "INSERT INTO rollout (state, reason, current_wave, following, updated_at, id, model,"
                + " version, spec, created_by, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)"
            : "UPDATE rollout SET state = ?, reason = ?, current_wave = ?, following = ?,"
                + " updated_at = ? WHERE id = ?";
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      s.setString(1, r.state().name());
      s.setString(2, r.reason());
      s.setInt(3, r.currentWave());
      s.setBoolean(4, r.following());
      s.setTimestamp(5, Timestamp.from(r.updatedAt()));
      s.setString(6, r.id());
      if (created) {
        s.setString(7, r.spec().model());
        s.setString(8, r.spec().version());
        s.setString(9, writeSpec(r.spec()));
        s.setString(10, r.createdBy());
        s.setTimestamp(11, Timestamp.from(r.createdAt()));
      }
      if (s.executeUpdate() != 1) {
        throw new IllegalStateException("rollout " + r.id() + " is not stored");
      }
    }
  }

  private static void saveWaves(Connection connection, String id, List<WaveRecord> waves)
      throws SQLException {
    if (waves.isEmpty()) {
      return;
    }
    String sql =
        "INSERT INTO rollout_wave (rollout_id, index, size, phase, started_at, baking_since,"
            + " finished_at, accepted_failures, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (rollout_id, index) DO UPDATE SET size = excluded.size, phase ="
            + " excluded.phase, started_at = excluded.started_at, baking_since ="
            + " excluded.baking_since, finished_at = excluded.finished_at, accepted_failures ="
            + " excluded.accepted_failures, reason = excluded.reason";
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      for (WaveRecord w : waves) {
        s.setString(1, id);
        s.setInt(2, w.index());
        s.setInt(3, w.size());
        s.setString(4, w.phase().name());
        s.setTimestamp(5, timestamp(w.startedAt()));
        s.setTimestamp(6, timestamp(w.bakingSince()));
        s.setTimestamp(7, timestamp(w.finishedAt()));
        s.setInt(8, w.acceptedFailures());
        s.setString(9, w.reason());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private static void saveDevices(Connection connection, String id, List<DeviceRecord> devices)
      throws SQLException {
    if (devices.isEmpty()) {
      return;
    }
    int n = devices.size();
    String[] ids = new String[n];
    String[] classes = new String[n];
    String[] variants = new String[n];
    Integer[] waves = new Integer[n];
    String[] states = new String[n];
    String[] reasons = new String[n];
    Integer[] attempts = new Integer[n];
    String[] previous = new String[n];
    String[] sent = new String[n];
    String[] retry = new String[n];
    String[] reported = new String[n];
    String[] updated = new String[n];
    for (int i = 0; i < n; i++) {
      DeviceRecord d = devices.get(i);
      ids[i] = d.deviceId();
      classes[i] = d.hardwareClass();
      variants[i] = d.variant();
      waves[i] = d.wave();
      states[i] = d.state().name();
      reasons[i] = d.reason();
      attempts[i] = d.attempts();
      previous[i] = d.previousVersion();
      sent[i] = text(d.sentAt());
      retry[i] = text(d.retryAt());
      reported[i] = d.reportedVersion();
      updated[i] = text(d.updatedAt());
    }
    try (PreparedStatement s = connection.prepareStatement(UPSERT_DEVICES)) {
      s.setString(1, id);
      int i = 2;
      for (Object[] column :
          new Object[][] {
            ids, classes, variants, waves, states, reasons, attempts, previous, sent, retry,
            reported, updated
          }) {
        String type = column instanceof Integer[] ? "int4" : "text";
        s.setArray(i++, connection.createArrayOf(type, column));
      }
      s.executeUpdate();
    }
  }

  private static void saveEvents(Connection connection, List<RolloutEvent> events)
      throws SQLException {
    if (events.isEmpty()) {
      return;
    }
    String sql =
        "INSERT INTO rollout_event (rollout_id, at, subject, from_state, to_state, reason, actor)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      for (RolloutEvent e : events) {
        s.setString(1, e.rolloutId());
        s.setTimestamp(2, Timestamp.from(e.at()));
        s.setString(3, e.subject());
        s.setString(4, e.from());
        s.setString(5, e.to());
        s.setString(6, e.reason());
        s.setString(7, e.actor());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  @Override
  public List<RolloutRecord> unfinished() {
    return jdbc.list(
        "loading unfinished rollouts",
        "SELECT "
            + ROLLOUT_COLUMNS
            + " FROM rollout WHERE state IN ('CREATED', 'RUNNING', 'PAUSED', 'ROLLING_BACK')"
            + " OR (state = 'COMPLETED' AND following) ORDER BY created_at, id",
        Jdbc.NO_PARAMETERS,
        this::rollout);
  }

  @Override
  public Optional<RolloutRecord> find(String id) {
    return jdbc.first(
        "reading rollout " + id,
        "SELECT " + ROLLOUT_COLUMNS + " FROM rollout WHERE id = ?",
        s -> s.setString(1, id),
        this::rollout);
  }

  @Override
  public List<RolloutRecord> list(int limit) {
    return jdbc.list(
        "listing rollouts",
        "SELECT " + ROLLOUT_COLUMNS + " FROM rollout ORDER BY created_at DESC, id LIMIT ?",
        s -> s.setInt(1, limit),
        this::rollout);
  }

  @Override
  public List<WaveRecord> waves(String id) {
    return jdbc.list(
        "reading the waves of rollout " + id,
        "SELECT index, size, phase, started_at, baking_since, finished_at, accepted_failures,"
            + " reason FROM rollout_wave WHERE rollout_id = ? ORDER BY index",
        s -> s.setString(1, id),
        row ->
            new WaveRecord(
                row.getInt("index"),
                row.getInt("size"),
                WavePhase.valueOf(row.getString("phase")),
                Columns.instant(row, "started_at"),
                Columns.instant(row, "baking_since"),
                Columns.instant(row, "finished_at"),
                row.getInt("accepted_failures"),
                row.getString("reason")));
  }

  @Override
  public List<DeviceRecord> devices(String id) {
    return jdbc.list(
        "reading the devices of rollout " + id,
        "SELECT " + DEVICE_COLUMNS + " FROM rollout_device WHERE rollout_id = ? ORDER BY wave",
        s -> {
          s.setString(1, id);
          s.setFetchSize(5000);
        },
        row ->
            new DeviceRecord(
                row.getString("device_id"),
                row.getString("hardware_class"),
                row.getString("variant"),
                row.getInt("wave"),
                DeviceUpdateState.valueOf(row.getString("state")),
                row.getString("reason"),
                row.getInt("attempts"),
                row.getString("previous_version"),
                Columns.instant(row, "sent_at"),
                Columns.instant(row, "retry_at"),
                row.getString("reported_version"),
                Columns.instant(row, "updated_at")));
  }

  @Override
  public List<RolloutEvent> events(String id) {
    return jdbc.list(
        "reading the history of rollout " + id,
        "SELECT at, subject, from_state, to_state, reason, actor FROM rollout_event"
            + " WHERE rollout_id = ? ORDER BY id",
        s -> s.setString(1, id),
        row ->
            new RolloutEvent(
                id,
                Columns.instant(row, "at"),
                row.getString("subject"),
                row.getString("from_state"),
                row.getString("to_state"),
                row.getString("reason"),
                row.getString("actor")));
  }

  private RolloutRecord rollout(ResultSet row) throws SQLException {
    return new RolloutRecord(
        row.getString("id"),
        readSpec(row.getString("spec")),
        RolloutState.valueOf(row.getString("state")),
        row.getString("reason"),
        row.getInt("current_wave"),
        row.getBoolean("following"),
        row.getString("created_by"),
        Columns.instant(row, "created_at"),
        Columns.instant(row, "updated_at"));
  }

  private String writeSpec(RolloutSpec spec) {
    try {
      return json.writeValueAsString(SpecMapping.toRequest(spec));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a rollout spec failed to serialize", e);
    }
  }

  private RolloutSpec readSpec(String text) {
    try {
      RolloutRequest request = json.readValue(text, RolloutRequest.class);
      Map<String, String> variants = request.variants();
      return SpecMapping.toSpec(request, variants);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored rollout spec is not JSON", e);
    }
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
