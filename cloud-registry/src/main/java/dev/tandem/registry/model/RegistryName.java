package dev.tandem.registry.model;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A model, variant, format, hardware class or alias name: {@value Names#NAME}. */
@Documented
@Pattern(regexp = Names.NAME, message = Names.NAME_RULE)
@Constraint(validatedBy = {})
@Target({
  ElementType.METHOD,
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.TYPE_USE,
  ElementType.RECORD_COMPONENT
})
@Retention(RetentionPolicy.RUNTIME)
public @interface RegistryName {
  String message() default Names.NAME_RULE;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
