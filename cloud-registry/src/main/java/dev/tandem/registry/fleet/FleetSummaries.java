package dev.tandem.registry.fleet;

import dev.tandem.registry.device.selector.SelectorSql;
import dev.tandem.registry.error.RegistryException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Computes the {@link FleetSummary} in PostgreSQL. */
@ApplicationScoped
public class FleetSummaries {

  private static final String COUNTS =
      "count(*) AS total, count(*) FILTER (WHERE online) AS online,"
          + " count(*) FILTER (WHERE NOT online) AS offline,"
          + " count(*) FILTER (WHERE drifted) AS drifted";

  private static final String ACTIVE =
      "(SELECT d.*, "
          + SelectorSql.DRIFTED
          + " AS drifted FROM device d"
          + " WHERE d.status = 'active') a";

  private static final String MODELS =
      "(SELECT m.model, a.online,"
          + " (a.desired_models ->> m.model) IS NOT NULL AS wanted,"
          + " (a.actual_models ->> m.model) IS NOT NULL AS runs,"
          + " (a.desired_models ->> m.model) IS NOT NULL"
          + " AND (a.actual_models ->> m.model) IS DISTINCT FROM (a.desired_models ->> m.model)"
          + " AS drifted"
          + " FROM device a, LATERAL jsonb_object_keys(a.desired_models || a.actual_models) AS"
          + " m(model) WHERE a.status = 'active') x";

  private final DataSource dataSource;

  FleetSummaries(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The summary now. */
  public FleetSummary summary() {
    try (Connection connection = dataSource.getConnection()) {
      FleetSummary.Counts all;
      try (PreparedStatement select =
              connection.prepareStatement("SELECT " + COUNTS + " FROM " + ACTIVE);
          ResultSet row = select.executeQuery()) {
        row.next();
        all = counts(row);
      }
      List<FleetSummary.ClassCounts> classes = new ArrayList<>();
      try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT hardware_class, "
                      + COUNTS
                      + " FROM "
                      + ACTIVE
                      + " GROUP BY hardware_class ORDER BY hardware_class");
          ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          classes.add(new FleetSummary.ClassCounts(rows.getString(1), counts(rows)));
        }
      }
      List<FleetSummary.ModelCounts> models = new ArrayList<>();
      try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT model, count(*) FILTER (WHERE wanted) AS wanted,"
                      + " count(*) FILTER (WHERE runs) AS runs, "
                      + COUNTS
                      + " FROM "
                      + MODELS
                      + " GROUP BY model ORDER BY model");
          ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          models.add(
              new FleetSummary.ModelCounts(
                  rows.getString("model"),
                  rows.getLong("wanted"),
                  rows.getLong("runs"),
                  counts(rows)));
        }
      }
      return new FleetSummary(all, classes, models);
    } catch (SQLException e) {
      throw RegistryException.fromSql("summarising the fleet", e);
    }
  }

  private static FleetSummary.Counts counts(ResultSet row) throws SQLException {
    return new FleetSummary.Counts(
        row.getLong("total"),
        row.getLong("online"),
        row.getLong("offline"),
        row.getLong("drifted"));
  }
}
