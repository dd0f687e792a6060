package dev.tandem.registry.error;

import java.util.Objects;

/**
 * A server the control plane depends on (object store, Kafka) cannot be used right now. Retrying
 * later may succeed.
 */
public class DependencyUnavailableException extends RegistryException {
  private final String dependency;
  private final String reason;

  /**
   * @param code a retriable code, e.g. {@link ErrorCode#OBJECT_STORE_UNAVAILABLE}
   * @param dependency what is unavailable, e.g. {@code "the object store"}
   * @param reason one line for operators, from {@link Reasons#describe(Throwable)}
   */
  public DependencyUnavailableException(
      ErrorCode code, String dependency, String reason, Throwable cause) {
    super(code, dependency + " is unavailable: " + reason, cause);
    if (!code.retriable()) {
      throw new IllegalArgumentException("code must be retriable, got " + code);
    }
    this.dependency = Objects.requireNonNull(dependency, "dependency");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public String dependency() {
    return dependency;
  }

  /** Why, in one line without a stack trace. */
  public String reason() {
    return reason;
  }
}
