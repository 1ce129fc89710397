package com.acme.booking.availability;

import com.acme.booking.core.BookingRepository;
import com.acme.booking.core.BookingRulesProperties;
import com.acme.booking.support.Http;
import com.acme.booking.web.MockHttp;
import com.acme.booking.web.Problems;
import com.acme.booking.web.WebSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.then;

/**
 * How the slot listing refuses what it cannot answer: a problem naming the parameter,
 * before any slot is computed. The listings themselves are in SlotsApiTest.
 */
@WebSlice(AvailableSlotsController.class)
@Import(SlotRules.class)
@EnableConfigurationProperties(BookingRulesProperties.class)
class AvailableSlotsControllerTest {

	private static final String PATH = "/api/bookings/available-slots";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SlotCatalog catalog;

	@MockitoBean
	BookingRepository bookings;

	MockHttp http;

	@BeforeEach
	void setUp() {
		http = new MockHttp(mvc);
	}

	@ParameterizedTest(name = "{0} -> 400 on {1}")
	@CsvSource(delimiter = '|', textBlock = """
			endDate=2026-12-01                                     | startDate
			startDate=2026-12-01                                   | endDate
			startDate=2026-13-01&endDate=2026-12-01                | startDate
			startDate=2026-12-01&endDate=tomorrow                  | endDate
			startDate=2026-12-05&endDate=2026-12-04                | endDate
			startDate=2026-12-01&endDate=2026-12-31                | endDate
			startDate=2026-12-01&endDate=2026-12-01&duration=abc   | duration
			startDate=2026-12-01&endDate=2026-12-01&duration=1.5   | duration
			startDate=2026-12-01&endDate=2026-12-01&duration=10    | duration
			startDate=2026-12-01&endDate=2026-12-01&duration=300   | duration
			startDate=2026-12-01&endDate=2026-12-01&duration=99999999999999999 | duration
			""")
	void refusesABadQueryAsValidationFailedNamingTheParameter(String query, String field) {
		Http.Response reply = http.get(PATH + "?" + query);

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = reply.json();
		assertThat(problem.path("type").asString()).isEqualTo(Problems.BASE + Problems.VALIDATION_FAILED);
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo(field);
		assertThat(problem.path("errors").get(0).path("message").asString()).isNotBlank();
		then(catalog).shouldHaveNoInteractions();
	}

	@Test
	void showsAnExampleWhenAQueryDateIsMalformed() {
		Http.Response refused = http.get(PATH + "?startDate=01/12/2026&endDate=2026-12-01");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("startDate");
		assertThat(refused.json().path("errors").get(0).path("message").asString()).contains("2026-12-01");
	}

	@Test
	void answersAWrongMethodWithATypedProblem() {
		Http.Response refused = http.send("PUT", PATH, "{}");

		assertThat(refused.status()).isEqualTo(405);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.problemType()).isEqualTo("method-not-allowed");
		assertThat(refused.header("Allow")).contains("GET");
	}

}
