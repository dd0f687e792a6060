package dev.tandem.registry.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request that breaks rules checked in code rather than by annotations; answered like a bean
 * validation failure, {@code VALIDATION_FAILED} with each violation.
 */
public class ValidationFailure extends RegistryException {
  private final List<ErrorBody.Violation> violations;

  public ValidationFailure(List<ErrorBody.Violation> violations) {
    super(
        ErrorCode.VALIDATION_FAILED,
        "request is invalid: "
            + violations.stream()
                .map(v -> v.field() + " " + v.message())
                .collect(Collectors.joining("; ")));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a validation failure needs at least one violation");
    }
    this.violations = List.copyOf(violations);
  }

  public List<ErrorBody.Violation> violations() {
    return violations;
  }
}
