package com.acme.booking.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text without control characters; {@code multiline} also allows line breaks and tabs.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

	String message() default "must not contain control characters";

	boolean multiline() default false;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<PlainText, String> {

		private boolean multiline;

		@Override
		public void initialize(PlainText annotation) {
			this.multiline = annotation.multiline();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || value.codePoints().noneMatch(this::forbidden);
		}

		private boolean forbidden(int c) {
			if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
				return false;
			}
			// codePoints() yields an unpaired surrogate as itself: it is not text and
			// would be stored as '?'.
			int type = Character.getType(c);
			return type == Character.CONTROL || type == Character.SURROGATE || c == 0x2028 || c == 0x2029;
		}

	}

}
