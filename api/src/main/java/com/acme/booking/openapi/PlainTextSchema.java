package com.acme.booking.openapi;

import java.lang.annotation.Annotation;

import com.acme.booking.web.PlainText;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.PropertyCustomizer;

/**
 * A {@link PlainText} field's rule as its schema's {@code pattern}, so the description
 * calls valid exactly the text the service takes. Fields with a format (an email address)
 * keep the format alone.
 */
final class PlainTextSchema implements PropertyCustomizer {

	@Override
	@SuppressWarnings("rawtypes")
	public Schema customize(Schema property, AnnotatedType type) {
		PlainText plain = find(type.getCtxAnnotations());
		if (plain != null && property != null && property.getFormat() == null) {
			property.setPattern(PlainText.Validator.regex(plain.multiline(), plain.notBlank()));
		}
		return property;
	}

	private static PlainText find(Annotation[] annotations) {
		if (annotations != null) {
			for (Annotation annotation : annotations) {
				if (annotation instanceof PlainText plain) {
					return plain;
				}
			}
		}
		return null;
	}

}
