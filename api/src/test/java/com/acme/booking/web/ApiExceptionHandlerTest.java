package com.acme.booking.web;

import org.junit.jupiter.api.Test;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The last resort: a failure nobody foresaw is still a typed problem, and says nothing of
 * its cause.
 */
class ApiExceptionHandlerTest {

	@Test
	void answersAnUnexpectedFailureWithATypedInternalErrorProblem() {
		ApiExceptionHandler handler = new ApiExceptionHandler();

		ResponseEntity<ProblemDetail> answer = handler.unexpected(new IllegalStateException("secret detail"));

		assertThat(answer.getStatusCode().value()).isEqualTo(500);
		assertThat(answer.getBody().getType().toString()).isEqualTo(Problems.BASE + Problems.INTERNAL_ERROR);
		assertThat(answer.getBody().getDetail()).doesNotContain("secret detail");
	}

}
