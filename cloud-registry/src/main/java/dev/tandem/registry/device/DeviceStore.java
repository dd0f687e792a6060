package dev.tandem.registry.device;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.registry.device.selector.Selector;
import dev.tandem.registry.device.selector.SelectorSql;
import dev.tandem.registry.jdbc.Columns;
import dev.tandem.registry.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/** The {@code device} table: labels, credentials (hashes), reported and desired state. */
@ApplicationScoped
public class DeviceStore {

  /** The most devices one page holds. */
  public static final int MAX_PAGE_SIZE = 1000;

  private static final TypeReference<TreeMap<String, String>> STRING_MAP = new TypeReference<>() {};

  private static final String COLUMNS =
      "id, hardware_class, groups, tags::text AS tags, status, enrolled_at, decommissioned_at,"
          + " last_seen, online, link_state, health, health_detail, agent_version,"
          + " actual_models::text AS actual_models, last_sequence,"
          + " desired_models::text AS desired_models, desired_variants::text AS desired_variants";

  private final Jdbc jdbc;
  private final ObjectMapper json;

  DeviceStore(DataSource dataSource, ObjectMapper json) {
    this.jdbc = new Jdbc(dataSource);
    this.json = json;
  }

  /** The device with this id, if there is one. */
  public Optional<Device> find(String id) {
    return jdbc.first(
        "reading device " + id,
        "SELECT " + COLUMNS + " FROM device WHERE id = ?",
        s -> s.setString(1, id),
        this::device);
  }

  /**
   * Devices the selector selects, ordered by id.
   *
   * @param after only ids greater than this, or null
   * @param limit 1 to {@value #MAX_PAGE_SIZE}
   */
  public DevicePage list(Selector selector, String after, int limit) {
    if (limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_PAGE_SIZE + ", got " + limit);
    }
    SelectorSql where = SelectorSql.of(selector);
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM device WHERE "
            + where.sql()
            + (after == null ? "" : " AND id > ?")
            + " ORDER BY id LIMIT ?";
    List<Device> devices =
        jdbc.list(
            "listing devices",
            sql,
            s -> {
              int i = bind(s, where.parameters());
              if (after != null) {
                s.setString(++i, after);
              }
              s.setInt(++i, limit + 1);
            },
            this::device);
    if (devices.size() <= limit) {
      return new DevicePage(devices, null);
    }
    List<Device> page = devices.subList(0, limit);
    return new DevicePage(page, page.get(limit - 1).id());
  }

  /** Ids of every device the selector selects, for callers that act on many (rollouts). */
  public List<String> ids(Selector selector) {
    SelectorSql where = SelectorSql.of(selector);
    return jdbc.list(
        "selecting devices",
        "SELECT id FROM device WHERE " + where.sql() + " ORDER BY id",
        s -> bind(s, where.parameters()),
        row -> row.getString(1));
  }

  /**
   * Replaces whichever of hardware class, groups and tags are given (null: unchanged).
   *
   * @return the device after the change, empty if there is no such device
   */
  public Optional<Device> relabel(
      String id, String hardwareClass, List<String> groups, Map<String, String> tags) {
    String sql =
        "UPDATE device SET hardware_class = coalesce(?, hardware_class),"
            + " groups = coalesce(?, groups), tags = coalesce(CAST(? AS jsonb), tags)"
            + " WHERE id = ?";
    int changed =
        jdbc.update(
            "updating device " + id,
            sql,
            s -> {
              s.setString(1, hardwareClass);
              s.setArray(
                  2,
                  groups == null
                      ? null
                      : s.getConnection().createArrayOf("text", groups.toArray()));
              s.setString(3, tags == null ? null : write(tags));
              s.setString(4, id);
            });
    return changed == 0 ? Optional.empty() : find(id);
  }

  /** Sets the models a device should run; empty if there is no such device. */
  public Optional<Device> setDesired(String id, Map<String, String> models, Instant at) {
    int changed =
        jdbc.update(
            "setting the desired models of device " + id,
            // A chosen variant holds only while its model stays at the version it was chosen for
            // (the right-hand sides read the row as it was).
            "UPDATE device SET desired_models = CAST(? AS jsonb),"
                + " desired_variants = (SELECT coalesce(jsonb_object_agg(v.key, v.value), '{}')"
                + " FROM jsonb_each(desired_variants) v"
                + " WHERE CAST(? AS jsonb) ->> v.key = desired_models ->> v.key),"
                + " desired_updated_at = ? WHERE id = ?",
            s -> {
              s.setString(1, write(models));
              s.setString(2, write(models));
              s.setTimestamp(3, Timestamp.from(at));
              s.setString(4, id);
            });
    return changed == 0 ? Optional.empty() : find(id);
  }

  /**
   * Marks a device decommissioned and forgets its credentials.
   *
   * @return false if there is no active device with this id
   */
  public boolean decommission(String id, Instant at) {
    String sql =
        "UPDATE device SET status = 'decommissioned', decommissioned_at = ?, token_sha256 = NULL,"
            + " mqtt_password_sha256 = NULL, online = false WHERE id = ? AND status = 'active'";
    return jdbc.update(
            "decommissioning device " + id,
            sql,
            s -> {
              s.setTimestamp(1, Timestamp.from(at));
              s.setString(2, id);
            })
        == 1;
  }

  /**
   * Replaces an active device's token and MQTT password hashes; the old ones stop working at once.
   *
   * @return false if there is no active device with this id
   */
  public boolean replaceCredentials(
      String id, byte[] tokenSha256, byte[] mqttPasswordSha256, Instant at) {
    String sql =
        "UPDATE device SET token_sha256 = ?, mqtt_password_sha256 = ?, credentials_issued_at = ?"
            + " WHERE id = ? AND status = 'active'";
    return jdbc.update(
            "replacing the credentials of device " + id,
            sql,
            s -> {
              s.setBytes(1, tokenSha256);
              s.setBytes(2, mqttPasswordSha256);
              s.setTimestamp(3, Timestamp.from(at));
              s.setString(4, id);
            })
        == 1;
  }

  /** The active device whose token has this SHA-256. */
  public Optional<Device> activeDeviceWithToken(byte[] tokenSha256) {
    return jdbc.first(
        "resolving a device token",
        "SELECT " + COLUMNS + " FROM device WHERE token_sha256 = ? AND status = 'active'",
        s -> s.setBytes(1, tokenSha256),
        this::device);
  }

  /** Whether {@code passwordSha256} is the MQTT password of the active device {@code id}. */
  public boolean mqttPasswordMatches(String id, byte[] passwordSha256) {
    return jdbc.first(
            "checking MQTT credentials",
            "SELECT 1 FROM device WHERE id = ? AND mqtt_password_sha256 = ? AND status = 'active'",
            s -> {
              s.setString(1, id);
              s.setBytes(2, passwordSha256);
            },
            row -> true)
        .isPresent();
  }

  /** Binds selector parameters from index 1; returns the last index used. */
  static int bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
    int i = 0;
    for (Object parameter : parameters) {
      i++;
      if (parameter instanceof String[] array) {
        Array sqlArray = statement.getConnection().createArrayOf("text", array);
        statement.setArray(i, sqlArray);
      } else {
        statement.setObject(i, parameter);
      }
    }
    return i;
  }

  String write(Map<String, String> map) {
    try {
      return json.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings failed to serialize", e);
    }
  }

  private Map<String, String> read(String text) {
    try {
      return text == null ? Map.of() : json.readValue(text, STRING_MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the database returned malformed jsonb", e);
    }
  }

  private Device device(ResultSet row) throws SQLException {
    Map<String, String> actual = read(row.getString("actual_models"));
    Map<String, String> desired = read(row.getString("desired_models"));
    List<Device.ModelDrift> drift = new ArrayList<>();
    desired.forEach(
        (model, version) -> {
          String running = actual.get(model);
          if (!version.equals(running)) {
            drift.add(new Device.ModelDrift(model, version, running));
          }
        });
    long sequence = row.getLong("last_sequence");
    Long lastSequence = row.wasNull() ? null : sequence;
    return new Device(
        row.getString("id"),
        row.getString("hardware_class"),
        Columns.strings(row, "groups"),
        read(row.getString("tags")),
        row.getString("status"),
        Columns.instant(row, "enrolled_at"),
        Columns.instant(row, "decommissioned_at"),
        new Device.DeviceState(
            Columns.instant(row, "last_seen"),
            row.getBoolean("online"),
            row.getString("link_state"),
            row.getString("health"),
            row.getString("health_detail"),
            row.getString("agent_version"),
            actual,
            lastSequence),
        desired,
        read(row.getString("desired_variants")),
        drift,
        !drift.isEmpty());
  }
}
