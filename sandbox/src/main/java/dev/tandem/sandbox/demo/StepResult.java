package dev.tandem.sandbox.demo;

import java.util.Objects;

/**
 * How one demo step went.
 *
 * @param seconds wall time of the step
 * @param detail what it proved, or why it failed
 */
public record StepResult(String name, boolean ok, double seconds, String detail) {
  public StepResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(detail, "detail");
  }
}
