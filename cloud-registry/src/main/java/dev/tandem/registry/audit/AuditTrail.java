package dev.tandem.registry.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.RequestScoped;
import java.util.Objects;

/**
 * What an {@link Audited} method says about its change: the target, e.g. {@code
 * model/anomaly@1.2.0}, and details worth keeping. {@link AuditFilter} records them once the method
 * has succeeded.
 */
@RequestScoped
public class AuditTrail {
  private String target;
  private final ObjectNode detail = JsonNodeFactory.instance.objectNode();

  /** The thing changed, e.g. {@code token/6f1c...} or {@code model/anomaly}. */
  public AuditTrail target(String target) {
    this.target = Objects.requireNonNull(target, "target");
    return this;
  }

  /** Adds a detail. */
  public AuditTrail detail(String key, String value) {
    detail.put(key, value);
    return this;
  }

  /** Adds a detail. */
  public AuditTrail detail(String key, long value) {
    detail.put(key, value);
    return this;
  }

  /** Adds a detail. */
  public AuditTrail detail(String key, JsonNode value) {
    detail.set(key, value);
    return this;
  }

  String target() {
    return target;
  }

  ObjectNode detail() {
    return detail;
  }
}
