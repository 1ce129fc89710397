package com.acme.booking.web;

import java.util.List;
import java.util.Map;

import com.acme.booking.admin.SyncUnavailable;
import com.acme.booking.admin.Unauthorized;
import com.acme.booking.availability.SlotNotOffered;
import com.acme.booking.availability.SlotUnavailable;
import com.acme.booking.core.BookingCancelled;
import com.acme.booking.booking.BookingNotFound;
import com.acme.booking.core.FrequencyLimitReached;
import com.acme.booking.core.SlotTaken;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
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

	@ExceptionHandler(BookingNotFound.class)
	ResponseEntity<ProblemDetail> notFound(BookingNotFound ex) {
		return problem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Booking not found", ex.getMessage());
	}

	@ExceptionHandler(Unauthorized.class)
	ResponseEntity<ProblemDetail> unauthorized(Unauthorized ex) {
		return problem(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, "Unauthorized", ex.getMessage());
	}

	@ExceptionHandler(SyncUnavailable.class)
	ResponseEntity<ProblemDetail> syncUnavailable(SyncUnavailable ex) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "sync-unavailable", "Sync unavailable", ex.getMessage());
	}

	@ExceptionHandler(SlotNotOffered.class)
	ResponseEntity<ProblemDetail> notOffered(SlotNotOffered ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, Problems.SLOT_NOT_OFFERED, "Slot not offered", ex.getMessage());
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
		return problem(HttpStatus.CONFLICT, "booking-cancelled", "Booking cancelled", ex.getMessage());
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
		return widen(validation("A parameter has the wrong format",
				List.of(new FieldProblem(field, "has the wrong format: " + ex.getValue()))));
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

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof InvalidParameterException) {
				// Tomcat could not decode the query string (e.g. a stray '%'): the client's doing, not ours.
				return validation("The query string is not valid URL encoding",
						List.of(new FieldProblem("query", "is not valid URL encoding")));
			}
		}
		log.error("Unexpected error", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side; please try again");
		return ResponseEntity.internalServerError().body(problem);
	}

	private static FieldProblem fieldProblem(FieldError error) {
		return new FieldProblem(error.getField(), error.getDefaultMessage());
	}

	static ResponseEntity<ProblemDetail> validation(String detail, List<FieldProblem> errors) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.VALIDATION_FAILED, "Validation failed",
				detail);
		problem.setProperty("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
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
