package com.acme.booking.web;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Request JSON is read strictly: a field of the wrong JSON type is a 400, not silently
 * converted ({@code 30.5} or {@code "30"} for a number of minutes, though {@code 30.0} is
 * the number 30, {@code 123} for a name, a number for a time, {@code 0} for the first
 * value of an enumeration), and a repeated key is refused.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictRequestJson() {
		return builder -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.withCoercionConfig(LogicalType.Integer,
					config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Enum,
					config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Textual,
					config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.addModule(new SimpleModule("strict-values").addDeserializer(OffsetDateTime.class, new IsoOffsetDateTime())
				.addDeserializer(Integer.class, new WholeNumber()));
	}

	/**
	 * A whole number as JSON Schema counts one: {@code 30}, and also {@code 30.0} (the
	 * same number), never {@code 30.5}, a string or a value beyond an {@code int}.
	 */
	static final class WholeNumber extends ValueDeserializer<Integer> {

		@Override
		public Integer deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.hasToken(JsonToken.VALUE_NUMBER_INT) || parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
				BigDecimal value = parser.getDecimalValue();
				try {
					return value.intValueExact();
				}
				catch (ArithmeticException notWholeOrTooLarge) {
					throw context.weirdNumberException(value, Integer.class, "expected a whole number, e.g. 30");
				}
			}
			throw context.wrongTokenException(parser, Integer.class, JsonToken.VALUE_NUMBER_INT,
					"expected a whole number, e.g. 30");
		}

	}

	/**
	 * Times are ISO-8601 strings with an offset; the default reader would also take a
	 * number as epoch seconds.
	 */
	static final class IsoOffsetDateTime extends ValueDeserializer<OffsetDateTime> {

		@Override
		public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				throw context.wrongTokenException(parser, OffsetDateTime.class, JsonToken.VALUE_STRING,
						"expected an ISO-8601 time with offset, such as 2026-12-01T09:00:00Z");
			}
			String text = parser.getString().strip();
			try {
				return OffsetDateTime.parse(text);
			}
			catch (DateTimeParseException ex) {
				return Rfc3339.parse(text)
					.orElseThrow(() -> context.weirdStringException(text, OffsetDateTime.class,
							"expected an ISO-8601 time with offset, such as 2026-12-01T09:00:00Z"));
			}
		}

	}

}
