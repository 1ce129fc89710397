package com.acme.booking.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * A configured duration that must be longer than zero. Spring's start-up report names the
 * property, so the message only says what is wrong and shows a valid value.
 */
@Documented
@DurationMin(nanos = 1)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface PositiveDuration {

	String message() default "must be a positive duration, e.g. 30s, 15m, 2h or 7d";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
