package dev.tandem.registry.device.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a {@link Selector} into a SQL condition over the {@code device} table, with every value a
 * bind parameter. Lists are bound as {@code String[]} (a PostgreSQL {@code text[]}).
 *
 * @param sql the condition, {@code true} for a selector without requirements
 * @param parameters the bind values in order: {@code String}, {@code Boolean} or {@code String[]}
 */
public record SelectorSql(String sql, List<Object> parameters) {

  /** Whether a device's reported models differ from any model it should run. */
  public static final String DRIFTED =
      "EXISTS (SELECT 1 FROM jsonb_each_text(desired_models) d"
          + " WHERE (actual_models ->> d.key) IS DISTINCT FROM d.value)";

  public SelectorSql {
    Objects.requireNonNull(sql, "sql");
    parameters = List.copyOf(parameters);
  }

  /** The condition for {@code selector}. */
  public static SelectorSql of(Selector selector) {
    List<String> conditions = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    for (Requirement requirement : selector.requirements()) {
      conditions.add(condition(requirement, parameters));
    }
    return new SelectorSql(
        conditions.isEmpty() ? "true" : "(" + String.join(") AND (", conditions) + ")", parameters);
  }

  private static String condition(Requirement r, List<Object> parameters) {
    SelectorField field = r.field();
    List<String> values = r.values();
    String[] array = values.toArray(String[]::new);
    return switch (field.kind()) {
      case ID -> scalar("id", r, parameters);
      case HARDWARE -> scalar("hardware_class", r, parameters);
      case STATUS -> scalar("status", r, parameters);
      case ONLINE -> bool("online", r, parameters);
      case DRIFTED -> bool(DRIFTED, r, parameters);
      case GROUP ->
          switch (r.operator()) {
            case EQUALS -> add(parameters, values.get(0), "? = ANY (groups)");
            case NOT_EQUALS -> add(parameters, values.get(0), "NOT (? = ANY (groups))");
            case IN -> add(parameters, array, "groups && ?::text[]");
            case NOT_IN -> add(parameters, array, "NOT (groups && ?::text[])");
            default -> throw new IllegalArgumentException(r.operator() + " on group");
          };
      case TAG -> tag(field.tagKey().orElseThrow(), r, parameters);
    };
  }

  private static String scalar(String column, Requirement r, List<Object> parameters) {
    List<String> values = r.values();
    return switch (r.operator()) {
      case EQUALS -> add(parameters, values.get(0), column + " = ?");
      case NOT_EQUALS -> add(parameters, values.get(0), column + " <> ?");
      case IN -> add(parameters, values.toArray(String[]::new), column + " = ANY (?::text[])");
      case NOT_IN ->
          add(parameters, values.toArray(String[]::new), "NOT (" + column + " = ANY (?::text[]))");
      default -> throw new IllegalArgumentException(r.operator() + " on " + r.field());
    };
  }

  private static String bool(String expression, Requirement r, List<Object> parameters) {
    List<Boolean> wanted = r.values().stream().map(Boolean::parseBoolean).distinct().toList();
    boolean negate =
        r.operator() == Requirement.Operator.NOT_EQUALS
            || r.operator() == Requirement.Operator.NOT_IN;
    if (wanted.size() == 2) {
      return negate ? "false" : "true";
    }
    return add(parameters, wanted.get(0) != negate, "(" + expression + ") = ?");
  }

  private static String tag(String key, Requirement r, List<Object> parameters) {
    List<String> values = r.values();
    parameters.add(key);
    return switch (r.operator()) {
      case EXISTS -> "(tags ->> ?) IS NOT NULL";
      case NOT_EXISTS -> "(tags ->> ?) IS NULL";
      case EQUALS -> add(parameters, values.get(0), "(tags ->> ?) = ?");
      case NOT_EQUALS -> add(parameters, values.get(0), "(tags ->> ?) IS DISTINCT FROM ?");
      case IN -> add(parameters, values.toArray(String[]::new), "(tags ->> ?) = ANY (?::text[])");
      case NOT_IN ->
          add(
              parameters,
              values.toArray(String[]::new),
              "NOT coalesce((tags ->> ?) = ANY (?::text[]), false)");
    };
  }

  private static String add(List<Object> parameters, Object value, String sql) {
    parameters.add(value);
    return sql;
  }
}
