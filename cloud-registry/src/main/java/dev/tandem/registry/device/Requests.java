package dev.tandem.registry.device;

import dev.tandem.registry.error.ErrorCode;
import dev.tandem.registry.error.RegistryException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The request bodies of the device endpoints. */
public final class Requests {

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})([smhd])");

  private Requests() {}

  /**
   * A new enrollment token.
   *
   * @param hardwareClass one of {@code tandem.devices.hardware-classes}
   * @param groups groups the device joins
   * @param tags tags the device gets
   * @param validFor e.g. {@code 24h}, {@code 7d} or {@code PT30M}; default {@code
   *     tandem.devices.enrollment-token-ttl}
   */
  public record CreateEnrollmentToken(
      @NotBlank String hardwareClass,
      List<String> groups,
      Map<String, String> tags,
      String validFor) {

    Duration validForDuration() {
      return validFor == null ? null : duration(validFor, "validFor");
    }
  }

  /**
   * A device exchanging its enrollment token.
   *
   * @param enrollmentToken the token, {@code tde_...}
   * @param deviceId the id the device wants, or null to have one generated
   */
  public record Enroll(@NotBlank String enrollmentToken, String deviceId) {}

  /**
   * New labels; fields left out stay as they are.
   *
   * @param hardwareClass the new hardware class
   * @param groups the new groups (replacing all)
   * @param tags the new tags (replacing all)
   */
  public record Relabel(String hardwareClass, List<String> groups, Map<String, String> tags) {}

  /**
   * The models a device should run.
   *
   * @param models model name to version; empty to want nothing
   */
  public record DesiredModels(@NotNull Map<String, String> models) {}

  /** {@code 30s}, {@code 15m}, {@code 24h}, {@code 7d} or ISO-8601 ({@code PT24H}). */
  static Duration duration(String text, String field) {
    Matcher m = SHORT_DURATION.matcher(text);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new RegistryException(
          ErrorCode.VALIDATION_FAILED,
          field + " '" + text + "' is not a duration such as 30m, 24h, 7d or PT24H");
    }
  }
}
