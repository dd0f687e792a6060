package dev.tandem.registry.device;

import dev.tandem.registry.error.ErrorCode;
import dev.tandem.registry.error.RegistryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The rules for groups, tags and model names, so that every value can be written in a selector
 * without quoting. Violations are {@link ErrorCode#VALIDATION_FAILED} naming the field.
 */
public final class Labels {

  /** Groups, tag keys and model names. */
  public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

  /** Tag values and model versions. */
  public static final Pattern VALUE = Pattern.compile("[A-Za-z0-9._:/@+-]{1,128}");

  /** The most groups or tags a device has. */
  public static final int MAX_LABELS = 32;

  private Labels() {}

  /** Sorted, distinct groups. */
  static List<String> groups(List<String> groups, String field) {
    if (groups == null) {
      return List.of();
    }
    if (groups.size() > MAX_LABELS) {
      throw invalid(field + " has " + groups.size() + " groups; at most " + MAX_LABELS);
    }
    for (int i = 0; i < groups.size(); i++) {
      name(groups.get(i), field + "[" + i + "]");
    }
    return new ArrayList<>(new TreeSet<>(groups));
  }

  /** Sorted tags. */
  static Map<String, String> tags(Map<String, String> tags, String field) {
    if (tags == null) {
      return Map.of();
    }
    if (tags.size() > MAX_LABELS) {
      throw invalid(field + " has " + tags.size() + " tags; at most " + MAX_LABELS);
    }
    tags.forEach(
        (key, value) -> {
          name(key, field + " key");
          value(value, field + "." + key);
        });
    return new TreeMap<>(tags);
  }

  /** Model name to version, sorted. */
  static Map<String, String> models(Map<String, String> models, String field) {
    if (models == null) {
      return Map.of();
    }
    if (models.size() > 256) {
      throw invalid(field + " has " + models.size() + " models; at most 256");
    }
    models.forEach(
        (name, version) -> {
          name(name, field + " model name");
          value(version, field + "." + name);
        });
    return new TreeMap<>(models);
  }

  static void name(String value, String field) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw invalid(
          field
              + " '"
              + value
              + "' must be 1 to 63 of a-z, 0-9, '.', '_', '-', starting with a"
              + " letter or digit");
    }
  }

  static void value(String value, String field) {
    if (value == null || !VALUE.matcher(value).matches()) {
      throw invalid(field + " '" + value + "' must be 1 to 128 of A-Z, a-z, 0-9 and . _ : / @ + -");
    }
  }

  private static RegistryException invalid(String message) {
    return new RegistryException(ErrorCode.VALIDATION_FAILED, message);
  }
}
