package com.acme.booking.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text without control characters; {@code multiline} also allows line breaks and tabs,
 * {@code notBlank} asks for one character that is not a space. Both rules are one regular
 * expression ({@link Validator#regex}), which the OpenAPI description publishes as the
 * field's {@code pattern}, so the schema and the check agree to the character.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

	String message() default "must not contain control characters";

	boolean multiline() default false;

	/** Null passes; anything else needs a character other than a space. */
	boolean notBlank() default false;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<PlainText, String> {

		/** Control characters (Unicode's Cc), and the line and paragraph separators. */
		private static final String CONTROL = "\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029";

		/** The same without tab, line feed and carriage return. */
		private static final String CONTROL_BUT_LINES = "\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\u2028\\u2029";

		/** Spaces: Unicode's White_Space, and the separators U+001C to U+001F. */
		private static final String SPACE = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";

		/**
		 * An unpaired surrogate: not text (JSON Schema's strings cannot hold one), and
		 * stored as '?'.
		 */
		private static final Pattern UNPAIRED_SURROGATE = Pattern.compile("[\\ud800-\\udfff]");

		private Pattern text;

		private Pattern notBlank;

		/** The rule as a regular expression (ECMA 262, Java, Python and Rust alike). */
		public static String regex(boolean multiline, boolean notBlank) {
			String control = multiline ? CONTROL_BUT_LINES : CONTROL;
			return notBlank ? "^[^" + control + "]*[^" + SPACE + control + "][^" + control + "]*$"
					: "^[^" + control + "]*$";
		}

		@Override
		public void initialize(PlainText annotation) {
			this.text = Pattern.compile(regex(annotation.multiline(), false));
			this.notBlank = annotation.notBlank() ? Pattern.compile(regex(annotation.multiline(), true)) : null;
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			if (!text.matcher(value).matches() || UNPAIRED_SURROGATE.matcher(value).find()) {
				return false;
			}
			if (notBlank != null && !notBlank.matcher(value).matches()) {
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate("must not be blank").addConstraintViolation();
				return false;
			}
			return true;
		}

	}

}
