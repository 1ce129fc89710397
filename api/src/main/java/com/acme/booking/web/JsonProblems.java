package com.acme.booking.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Says which field of an unreadable JSON body is wrong, without echoing Jackson's
 * internals.
 */
final class JsonProblems {

	private JsonProblems() {
	}

	static ApiExceptionHandler.FieldProblem describe(HttpMessageNotReadableException ex) {
		Throwable cause = jacksonCause(ex);
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return new ApiExceptionHandler.FieldProblem(unknown.getPropertyName(), "is not a known field");
		}
		if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			return new ApiExceptionHandler.FieldProblem(path(mismatch),
					"has the wrong type or format" + example(mismatch.getTargetType()));
		}
		if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
			return new ApiExceptionHandler.FieldProblem(path(json), "has the wrong type or format");
		}
		if (cause instanceof DateTimeException) {
			return new ApiExceptionHandler.FieldProblem("body", "contains an invalid date or time");
		}
		return new ApiExceptionHandler.FieldProblem("body", "is missing or is not well-formed JSON");
	}

	/**
	 * What a value of the type looks like, for the message of a wrongly formatted one;
	 * empty when obvious.
	 */
	static String example(Class<?> type) {
		if (type == null) {
			return "";
		}
		if (OffsetDateTime.class.equals(type) || Instant.class.equals(type)) {
			return ": expected an ISO-8601 time with offset, e.g. 2026-12-01T09:00:00Z";
		}
		if (LocalDate.class.equals(type)) {
			return ": expected an ISO date, e.g. 2026-12-01";
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return ": expected a whole number, e.g. 30";
		}
		if (type == boolean.class || type == Boolean.class) {
			return ": expected true or false";
		}
		if (type.isEnum()) {
			return ": expected one of " + Arrays.toString(type.getEnumConstants());
		}
		if (String.class.equals(type)) {
			return ": expected a string";
		}
		return "";
	}

	/**
	 * The outermost Jackson exception knows the field path; the innermost cause often
	 * does not.
	 */
	private static Throwable jacksonCause(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof JacksonException) {
				return t;
			}
		}
		return ex.getCause() != null ? ex.getCause() : ex;
	}

	private static String path(JacksonException ex) {
		return ex.getPath()
			.stream()
			.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining("."));
	}

}
