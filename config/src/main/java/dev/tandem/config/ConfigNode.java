package dev.tandem.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ProtocolException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A mapping in the configuration tree that remembers its path and which keys were read, so that
 * {@link #finish()} can refuse unknown (misspelled) keys and every error names its key.
 */
public final class ConfigNode {
  private final JsonNode node;
  private final String path;
  private final Set<String> read = new HashSet<>();

  /** The root of a configuration tree; errors name keys from here. */
  public static ConfigNode root(JsonNode tree) {
    return new ConfigNode(tree, "");
  }

  ConfigNode(JsonNode node, String path) {
    if (!node.isObject()) {
      throw new ConfigError(
          path.isEmpty() ? "(root)" : path, "must be a mapping of keys to values");
    }
    this.node = node;
    this.path = path;
  }

  public String path() {
    return path;
  }

  public String key(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  public boolean has(String name) {
    return node.has(name) && !node.get(name).isNull();
  }

  public String string(String name) {
    return optString(name).orElseThrow(() -> new ConfigError(key(name), "is required"));
  }

  public Optional<String> optString(String name) {
    JsonNode value = value(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isValueNode() || value.asText().isBlank()) {
      throw new ConfigError(key(name), "must be a non-empty text value");
    }
    return Optional.of(value.asText().trim());
  }

  public int integer(String name, int defaultValue, int min, int max) {
    JsonNode value = value(name);
    if (value == null) {
      return defaultValue;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new ConfigError(key(name), "must be a whole number, got '" + value.asText() + "'");
    }
    int v = value.intValue();
    if (v < min || v > max) {
      throw new ConfigError(key(name), "must be between %d and %d, got %d".formatted(min, max, v));
    }
    return v;
  }

  public long longValue(String name, long defaultValue, long min, long max) {
    JsonNode value = value(name);
    if (value == null) {
      return defaultValue;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new ConfigError(key(name), "must be a whole number, got '" + value.asText() + "'");
    }
    long v = value.longValue();
    if (v < min || v > max) {
      throw new ConfigError(key(name), "must be between %d and %d, got %d".formatted(min, max, v));
    }
    return v;
  }

  public double number(String name, double defaultValue) {
    JsonNode value = value(name);
    if (value == null) {
      return defaultValue;
    }
    if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
      throw new ConfigError(key(name), "must be a number, got '" + value.asText() + "'");
    }
    return value.doubleValue();
  }

  public double requiredNumber(String name) {
    if (!has(name)) {
      throw new ConfigError(key(name), "is required");
    }
    return number(name, 0);
  }

  public boolean bool(String name, boolean defaultValue) {
    JsonNode value = value(name);
    if (value == null) {
      return defaultValue;
    }
    if (!value.isBoolean()) {
      throw new ConfigError(key(name), "must be true or false, got '" + value.asText() + "'");
    }
    return value.booleanValue();
  }

  /**
   * A duration such as {@code 10s}, {@code 500ms}, {@code 2m}, {@code 1h}, or ISO-8601 {@code
   * PT10S}.
   */
  public Duration duration(String name, Duration defaultValue) {
    Optional<String> text = optString(name);
    if (text.isEmpty()) {
      return defaultValue;
    }
    Duration parsed = parseDuration(text.get());
    if (parsed == null || parsed.isNegative()) {
      throw new ConfigError(
          key(name), "must be a duration like 500ms, 10s, 5m or 1h, got '" + text.get() + "'");
    }
    return parsed;
  }

  public <E extends Enum<E>> E enumValue(String name, Class<E> type, E defaultValue) {
    Optional<String> text = optString(name);
    if (text.isEmpty()) {
      return defaultValue;
    }
    String wanted = text.get().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(wanted)) {
        return constant;
      }
    }
    List<String> allowed = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      allowed.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    throw new ConfigError(key(name), "must be one of " + allowed + ", got '" + text.get() + "'");
  }

  public ConfigNode child(String name) {
    JsonNode value = value(name);
    if (value == null) {
      throw new ConfigError(key(name), "is required");
    }
    return new ConfigNode(value, key(name));
  }

  public Optional<ConfigNode> optChild(String name) {
    JsonNode value = value(name);
    return value == null ? Optional.empty() : Optional.of(new ConfigNode(value, key(name)));
  }

  /** Each mapping of a list, converted; an absent list is empty. */
  public <T> List<T> list(String name, Function<ConfigNode, T> converter) {
    JsonNode value = value(name);
    List<T> result = new ArrayList<>();
    if (value == null) {
      return result;
    }
    if (!value.isArray()) {
      throw new ConfigError(key(name), "must be a list");
    }
    for (int i = 0; i < value.size(); i++) {
      ConfigNode item = new ConfigNode(value.get(i), key(name) + "[" + i + "]");
      result.add(converter.apply(item));
      item.finish();
    }
    return result;
  }

  /** The keys of this mapping, in file order, all marked as read. */
  public List<String> keys() {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    read.addAll(keys);
    return keys;
  }

  /** A list of non-empty text values; an absent list is empty. */
  public List<String> stringList(String name) {
    JsonNode value = value(name);
    List<String> result = new ArrayList<>();
    if (value == null) {
      return result;
    }
    if (!value.isArray()) {
      throw new ConfigError(key(name), "must be a list");
    }
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isValueNode() || item.asText().isBlank()) {
        throw new ConfigError(key(name) + "[" + i + "]", "must be a non-empty text value");
      }
      result.add(item.asText().trim());
    }
    return result;
  }

  /** The single key of a one-key mapping such as {@code {hampel: {window: 7}}}. */
  public String onlyKey() {
    if (node.size() != 1) {
      throw new ConfigError(path, "must have exactly one key naming its type");
    }
    return node.fieldNames().next();
  }

  /** Refuses keys nobody read: a misspelled key must not silently fall back to a default. */
  public void finish() {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!read.contains(name)) {
        throw new ConfigError(key(name), "unknown key");
      }
    }
  }

  /** Wraps a value's validation error (from a record's constructor) with this key. */
  public <T> T check(String name, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException | ProtocolException e) {
      throw new ConfigError(name.isEmpty() ? path : key(name), e.getMessage());
    }
  }

  private JsonNode value(String name) {
    read.add(name);
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value;
  }

  /**
   * Parses {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}, {@code 2d} or ISO-8601 {@code
   * PT10S}; null if it is none of these.
   */
  public static Duration parseDuration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.startsWith("pt") || t.startsWith("p")) {
        return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
      }
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
      }
      long amount = Long.parseLong(t.substring(0, t.length() - 1).trim());
      return switch (t.charAt(t.length() - 1)) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        case 'd' -> Duration.ofDays(amount);
        default -> null;
      };
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      return null;
    }
  }
}
