package dev.tandem.registry.rollout;

import dev.tandem.deploy.port.FleetView;
import dev.tandem.deploy.port.TargetDevice;
import dev.tandem.registry.device.selector.InvalidSelectorException;
import dev.tandem.registry.device.selector.SelectorParser;
import dev.tandem.registry.device.selector.SelectorSql;
import dev.tandem.registry.error.ErrorCode;
import dev.tandem.registry.error.RegistryException;
import dev.tandem.registry.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.util.List;
import javax.sql.DataSource;

/** The engine's view of the device registry: one query per selection. */
@ApplicationScoped
public class RegistryFleetView implements FleetView {
  private final Jdbc jdbc;

  RegistryFleetView(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /**
   * Active devices the selector selects.
   *
   * @throws RegistryException with {@link ErrorCode#INVALID_SELECTOR} if it does not parse
   */
  @Override
  public List<TargetDevice> select(String selector, String model) {
    SelectorSql where;
    try {
      where = SelectorSql.of(SelectorParser.parse(selector));
    } catch (InvalidSelectorException e) {
      throw new RegistryException(ErrorCode.INVALID_SELECTOR, e.getMessage(), e);
    }
    return jdbc.list(
        "selecting the devices of a rollout",
        "SELECT id, hardware_class, desired_models ->> ? AS desired, actual_models ->> ? AS actual"
            + " FROM device WHERE status = 'active' AND "
            + where.sql()
            + " ORDER BY id",
        s -> {
          s.setString(1, model);
          s.setString(2, model);
          int i = 2;
          for (Object parameter : where.parameters()) {
            i++;
            if (parameter instanceof String[] array) {
              Array sqlArray = s.getConnection().createArrayOf("text", array);
              s.setArray(i, sqlArray);
            } else {
              s.setObject(i, parameter);
            }
          }
          s.setFetchSize(5000);
        },
        row ->
            new TargetDevice(
                row.getString("id"),
                row.getString("hardware_class"),
                row.getString("desired"),
                row.getString("actual")));
  }
}
