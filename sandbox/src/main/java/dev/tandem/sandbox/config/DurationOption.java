package dev.tandem.sandbox.config;

import dev.tandem.config.ConfigNode;
import java.time.Duration;

/**
 * A command-line duration ({@code 500ms}, {@code 30s}, {@code 5m}, ISO-8601), as config files write
 * it.
 */
public final class DurationOption {
  private DurationOption() {}

  /**
   * Parses a positive duration.
   *
   * @param option the option's name, e.g. {@code --window}, for the error
   * @throws ConfigException naming the option when the text is not a positive duration
   */
  public static Duration parse(String option, String text) {
    Duration value = text == null ? null : ConfigNode.parseDuration(text);
    if (value == null || value.isNegative() || value.isZero()) {
      throw new ConfigException(
          option + ": '" + text + "' is not a duration like 10s, 500ms or 2m");
    }
    return value;
  }
}
