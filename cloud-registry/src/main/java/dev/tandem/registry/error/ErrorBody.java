package dev.tandem.registry.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * What every error response carries.
 *
 * @param code one of {@link ErrorCode#code()}
 * @param message for people; clients branch on {@code code}
 * @param violations for {@link ErrorCode#VALIDATION_FAILED}, each broken rule; otherwise empty and
 *     left out of the JSON
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorBody(String code, String message, List<Violation> violations) {
  public ErrorBody {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    violations = List.copyOf(violations);
  }

  public static ErrorBody of(ErrorCode code, String message) {
    return new ErrorBody(code.code(), message, List.of());
  }

  /**
   * One broken rule.
   *
   * @param field the field or parameter, e.g. {@code note} or {@code limit}
   */
  public record Violation(String field, String message) {
    public Violation {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(message, "message");
    }
  }
}
