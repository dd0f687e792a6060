package dev.tandem.registry.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that changes something: when it answers 2xx, {@link AuditFilter} appends
 * an audit entry with the caller's principal as actor, this action, and the target and detail the
 * method gave {@link AuditTrail} (by default the request path below {@code /api/v1}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {
  /** The action recorded, e.g. {@code model.created}. */
  String value();
}
