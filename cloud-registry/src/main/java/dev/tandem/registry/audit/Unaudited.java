package dev.tandem.registry.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that changes something yet is deliberately not {@link Audited}, saying
 * why: it writes the audit log itself, or it is a device's high-volume report that is kept
 * elsewhere. A test fails for any changing method with neither annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Unaudited {
  /** Why the method is not audited. */
  String value();
}
