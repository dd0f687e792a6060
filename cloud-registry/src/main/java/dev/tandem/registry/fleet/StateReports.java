package dev.tandem.registry.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.protocol.v1.DeviceStateReport;
import dev.tandem.protocol.v1.LinkState;
import dev.tandem.registry.error.RegistryException;
import dev.tandem.registry.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Applies a device's state report to its row in {@code device}. Reports are applied in the order
 * they arrive (Kafka keeps one device's records in order), not by sequence: the agent's last will
 * is built at connect time and carries an older sequence than the reports sent after it, yet it is
 * the newest news when the broker publishes it.
 */
@ApplicationScoped
public class StateReports {

  /** What applying a report did. */
  public enum Outcome {
    /** The device's row was updated. */
    APPLIED,
    /** No active device has this id (not enrolled, or decommissioned). */
    UNKNOWN_DEVICE
  }

  private final Jdbc jdbc;
  private final ObjectMapper json;

  StateReports(DataSource dataSource, ObjectMapper json) {
    this.jdbc = new Jdbc(dataSource);
    this.json = json;
  }

  /**
   * Applies {@code report}, received by the cloud at {@code receivedAt}.
   *
   * <p>An offline report (the last will) marks the device offline and keeps the models it last
   * reported, since the will was composed when it connected. Any other report marks it online and
   * replaces its agent version and models. {@code last_seen} never goes back.
   *
   * @throws RegistryException if the database fails
   */
  public Outcome apply(DeviceStateReport report, Instant receivedAt) {
    boolean offline = report.getLinkState() == LinkState.LINK_STATE_OFFLINE;
    String sql =
        "UPDATE device SET last_seen = GREATEST(last_seen, ?), online = ?, link_state = ?,"
            + " health = ?, health_detail = ?,"
            + " agent_version = CASE WHEN ? THEN agent_version ELSE ? END,"
            + " actual_models = CASE WHEN ? THEN actual_models ELSE CAST(? AS jsonb) END,"
            + " last_sequence = ? WHERE id = ? AND status = 'active'";
    String models;
    try {
      models = json.writeValueAsString(new TreeMap<>(report.getModelVersionsMap()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("model versions failed to serialize", e);
    }
    int changed =
        jdbc.update(
            "applying the state of device " + report.getHeader().getDeviceId(),
            sql,
            s -> {
              s.setTimestamp(1, Timestamp.from(receivedAt));
              s.setBoolean(2, !offline);
              s.setString(3, report.getLinkState().name());
              s.setString(4, report.getHealth().name());
              s.setString(5, report.getHealthDetail());
              s.setBoolean(6, offline || report.getAgentVersion().isEmpty());
              s.setString(7, report.getAgentVersion());
              s.setBoolean(8, offline);
              s.setString(9, models);
              s.setLong(10, report.getHeader().getSequence());
              s.setString(11, report.getHeader().getDeviceId());
            });
    return changed == 1 ? Outcome.APPLIED : Outcome.UNKNOWN_DEVICE;
  }
}
