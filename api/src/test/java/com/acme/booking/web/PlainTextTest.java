package com.acme.booking.web;

import java.util.regex.Pattern;

import jakarta.validation.ConstraintValidatorContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Plain text as the service checks it and as the OpenAPI description publishes it: one
 * regular expression, so a value the schema calls valid is one the service takes.
 */
class PlainTextTest {

	@Test
	void theCheckIsThePublishedPattern() {
		for (String value : new String[] { "Ada Lovelace", "  Ada", "Zoë", "\u00a0", " ", "", "Ada\tL", "Ada\nL",
				"Ada\u0085", "Ada\u2028", "\uD83D\uDE00", "Ada\u0000" }) {
			for (boolean multiline : new boolean[] { false, true }) {
				for (boolean notBlank : new boolean[] { false, true }) {
					boolean published = Pattern.compile(PlainText.Validator.regex(multiline, notBlank))
						.matcher(value)
						.matches();
					assertThat(valid(value, multiline, notBlank))
						.as("\"%s\" multiline=%s notBlank=%s", value, multiline, notBlank)
						.isEqualTo(published);
				}
			}
		}
	}

	@Test
	void refusesControlCharactersAndBlankTextWhereAsked() {
		assertThat(valid("Ada Lovelace", false, true)).isTrue();
		assertThat(valid("Ada\u0000", false, false)).isFalse();
		assertThat(valid("Demo\nplease", true, false)).isTrue();
		assertThat(valid("Demo\nplease", false, false)).isFalse();
		assertThat(valid(" \u00a0\u3000", false, true)).isFalse();
		assertThat(valid(" \u00a0\u3000", false, false)).isTrue();
		assertThat(valid(null, false, true)).isTrue();
	}

	@Test
	void refusesAnUnpairedSurrogateButTakesAPair() {
		assertThat(valid("Ada\uD83D", false, false)).isFalse();
		assertThat(valid("Ada\uDE00x", false, false)).isFalse();
		assertThat(valid("Ada \uD83D\uDE00", false, true)).isTrue();
	}

	private static boolean valid(String value, boolean multiline, boolean notBlank) {
		PlainText annotation = mock(PlainText.class);
		when(annotation.multiline()).thenReturn(multiline);
		when(annotation.notBlank()).thenReturn(notBlank);
		PlainText.Validator validator = new PlainText.Validator();
		validator.initialize(annotation);
		ConstraintValidatorContext context = mock(ConstraintValidatorContext.class, RETURNS_DEEP_STUBS);
		when(context.buildConstraintViolationWithTemplate(anyString()).addConstraintViolation()).thenReturn(context);
		return validator.isValid(value, context);
	}

}
