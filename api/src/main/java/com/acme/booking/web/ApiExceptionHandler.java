package com.acme.booking.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.acme.booking.admin.SyncUnavailable;
import com.acme.booking.availability.SlotNotOffered;
import com.acme.booking.availability.SlotUnavailable;
import com.acme.booking.booking.BookingNotFound;
import com.acme.booking.core.BookingCancelled;
import com.acme.booking.core.FrequencyLimitReached;
import com.acme.booking.core.SlotTaken;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps every refusal to an RFC 9457 problem with the types of API.md, in one place. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(InvalidRequest.class)
	ResponseEntity<ProblemDetail> invalid(InvalidRequest ex) {
		return validation(ex.getMessage(), List.of(new FieldProblem(ex.field(), ex.getMessage())));
	}

	/**
	 * Only an operator, or the holder of an existing booking's token, gets past the
	 * security rules to meet an unknown booking: no word about tokens, which would only
	 * mislead an operator.
	 */
	@ExceptionHandler(BookingNotFound.class)
	ResponseEntity<ProblemDetail> notFound(BookingNotFound ex) {
		return problem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Booking not found", ex.getMessage());
	}

	/**
	 * PostgreSQL cannot be reached (the pool gives up after
	 * {@code spring.datasource.hikari.connection-timeout}): the client may retry shortly;
	 * the pool reconnects by itself once the database is back.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
			TransientDataAccessResourceException.class })
	ResponseEntity<ProblemDetail> databaseDown(Exception ex) {
		log.warn("Database unavailable: {}", ex.toString());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(Problems.DATABASE_RETRY_AFTER_SECONDS))
			.body(Problems.databaseDown());
	}

	@ExceptionHandler(SyncUnavailable.class)
	ResponseEntity<ProblemDetail> syncUnavailable(SyncUnavailable ex) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, Problems.SYNC_UNAVAILABLE, "Sync unavailable", ex.getMessage());
	}

	@ExceptionHandler(SlotNotOffered.class)
	ResponseEntity<ProblemDetail> notOffered(SlotNotOffered ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, Problems.SLOT_NOT_OFFERED, "Slot not offered",
				ex.getMessage());
	}

	@ExceptionHandler(SlotUnavailable.class)
	ResponseEntity<ProblemDetail> unavailable(SlotUnavailable ex) {
		return problem(HttpStatus.CONFLICT, Problems.SLOT_UNAVAILABLE, "Slot unavailable", ex.getMessage());
	}

	@ExceptionHandler(SlotTaken.class)
	ResponseEntity<ProblemDetail> taken(SlotTaken ex) {
		return problem(HttpStatus.CONFLICT, Problems.SLOT_UNAVAILABLE, "Slot unavailable",
				"The slot was just taken by another booking (buffer included); pick another slot");
	}

	@ExceptionHandler(BookingCancelled.class)
	ResponseEntity<ProblemDetail> cancelled(BookingCancelled ex) {
		return problem(HttpStatus.CONFLICT, Problems.BOOKING_CANCELLED, "Booking cancelled", ex.getMessage());
	}

	@ExceptionHandler(FrequencyLimitReached.class)
	ResponseEntity<ProblemDetail> frequency(FrequencyLimitReached ex) {
		return problem(HttpStatus.TOO_MANY_REQUESTS, Problems.FREQUENCY_LIMIT_EXCEEDED, "Too many bookings",
				ex.getMessage());
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(ApiExceptionHandler::fieldProblem)
			.toList();
		return widen(validation("The request has invalid fields", errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return widen(validation("The request body is not valid JSON of the expected shape",
				List.of(JsonProblems.describe(ex))));
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
		return widen(validation("A parameter has the wrong format", List.of(new FieldProblem(field,
				"has the wrong format: '" + ex.getValue() + "'" + JsonProblems.example(ex.getRequiredType())))));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return widen(validation("A required parameter is missing",
				List.of(new FieldProblem(ex.getParameterName(), "is required"))));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> new FieldProblem(result.getMethodParameter().getParameterName(),
						error.getDefaultMessage())))
			.toList();
		return widen(validation("The request has invalid parameters", errors));
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return widen(problem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found",
				"There is nothing at " + ex.getResourcePath()));
	}

	/**
	 * Every other refusal Spring MVC detects itself (405, 406, 415, ...) gets a type of
	 * its own instead of {@code about:blank}, so clients can tell problems apart by type
	 * alone.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem
				&& (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
			problem.setType(URI.create(Problems.BASE + Problems.slug(statusCode)));
			if (problem.getTitle() == null) {
				problem.setTitle(HttpStatus.valueOf(statusCode.value()).getReasonPhrase());
			}
		}
		return response;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof InvalidParameterException) {
				// Tomcat could not decode the query string (e.g. a stray '%'): the
				// client's doing, not ours.
				return validation("The query string is not valid URL encoding",
						List.of(new FieldProblem("query", "is not valid URL encoding")));
			}
		}
		log.error("Unexpected error", ex);
		return ResponseEntity.internalServerError()
			.body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL_ERROR, "Internal error",
					"Something went wrong on our side; please try again"));
	}

	private static FieldProblem fieldProblem(FieldError error) {
		return new FieldProblem(error.getField(), error.getDefaultMessage());
	}

	static ResponseEntity<ProblemDetail> validation(String detail, List<FieldProblem> errors) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.VALIDATION_FAILED, "Validation failed",
				detail);
		problem.setProperty("errors",
				errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
		return ResponseEntity.badRequest().body(problem);
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
		return ResponseEntity.status(status).body(Problems.of(status, type, title, detail));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static ResponseEntity<Object> widen(ResponseEntity<ProblemDetail> response) {
		return (ResponseEntity) response;
	}

	/** One invalid field of a request. */
	record FieldProblem(String field, String message) {
	}

}
