package dev.tandem.deploy.spec;

import java.util.Objects;

/** A rollout specification breaks a rule; {@link #field()} names the field, e.g. {@code waves}. */
public final class SpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public SpecException(String field, String message) {
    super(field + ": " + message);
    this.field = Objects.requireNonNull(field, "field");
  }

  /** The field at fault, dotted for nested ones, e.g. {@code strategy.bakeTime}. */
  public String field() {
    return field;
  }

  /** The message without the field prefix. */
  public String reason() {
    return getMessage().substring(field.length() + 2);
  }

  static void require(boolean condition, String field, String message) {
    if (!condition) {
      throw new SpecException(field, message);
    }
  }

  static double fraction(double value, String field) {
    require(value >= 0 && value <= 1, field, "must be between 0 and 1, got " + value);
    return value;
  }
}
