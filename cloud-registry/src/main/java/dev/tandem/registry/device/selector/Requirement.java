package dev.tandem.registry.device.selector;

import java.util.List;
import java.util.Objects;

/**
 * One comma-separated term of a selector; a device must meet every term.
 *
 * @param field what is looked at
 * @param operator how
 * @param values the values compared with: one for {@code =} and {@code !=}, one or more for {@code
 *     in} and {@code notin}, none for existence tests
 */
public record Requirement(SelectorField field, Operator operator, List<String> values) {

  /** How a requirement compares. */
  public enum Operator {
    /** {@code field=value}; for groups: the device is in the group. */
    EQUALS,
    /** {@code field!=value}; for groups: the device is not in the group. */
    NOT_EQUALS,
    /** {@code field in (a,b)}; for groups: the device is in at least one of them. */
    IN,
    /** {@code field notin (a,b)}; for groups: the device is in none of them. */
    NOT_IN,
    /** {@code tag.key}: the device has the tag. */
    EXISTS,
    /** {@code !tag.key}: the device does not have the tag. */
    NOT_EXISTS
  }

  public Requirement {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(operator, "operator");
    values = List.copyOf(values);
    int expected =
        switch (operator) {
          case EQUALS, NOT_EQUALS -> 1;
          case EXISTS, NOT_EXISTS -> 0;
          case IN, NOT_IN -> -1;
        };
    if (expected >= 0 ? values.size() != expected : values.isEmpty()) {
      throw new IllegalArgumentException(operator + " takes " + expected + " values: " + values);
    }
  }
}
