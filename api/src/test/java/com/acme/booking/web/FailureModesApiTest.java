package com.acme.booking.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.acme.booking.support.RunningService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the server refuses a body it cannot take, as a client meets it on the wire: a
 * chunked body over the limit is refused without reading the rest, and the connection
 * closed. The problem answers of the web layer are tested on it alone
 * (BookingControllerTest, AvailableSlotsControllerTest, AdminControllerTest).
 */
@RunningService
class FailureModesApiTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void refusesAChunkedBodyOverTheLimitWithoutWaitingForTheRest() throws Exception {
		long before = rows();
		byte[] chunk = new byte[8 * 1024];
		Arrays.fill(chunk, (byte) ' ');
		try (RawHttp raw = new RawHttp(port)) {
			raw.startChunkedPost("/api/bookings");
			for (int i = 0; i < 10; i++) {
				raw.chunk(chunk);
			}
			// The body is 80 KB so far and unfinished: a server that waited for its end
			// would not answer yet.
			String response = raw.readResponse();

			assertThat(response).startsWith("HTTP/1.1 413");
			assertThat(response).containsIgnoringCase("Content-Type: application/problem+json;charset=UTF-8");
			assertThat(response).containsIgnoringCase("Connection: close");
			assertThat(response).contains("/problems/payload-too-large").doesNotContain("properties");
			assertThatThrownBy(() -> {
				for (int i = 0; i < 1280; i++) {
					raw.chunk(chunk);
				}
			}).as("the server hangs up instead of reading the other 10 MB").isInstanceOf(IOException.class);
		}
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void readsAChunkedBodyWithinTheLimitLikeAnyOther() throws Exception {
		try (RawHttp raw = new RawHttp(port)) {
			raw.startChunkedPost("/api/bookings")
				.chunk("{\"name\": \"Ada\", ".getBytes(StandardCharsets.UTF_8))
				.chunk("\"email\": \"not-an-email\", \"startTime\": \"2026-12-01T09:00:00Z\"}"
					.getBytes(StandardCharsets.UTF_8))
				.lastChunk();
			String response = raw.readUntilClosed();

			assertThat(response).startsWith("HTTP/1.1 400");
			assertThat(response).contains("\"field\":\"email\"");
		}
	}

	private long rows() {
		return jdbc.sql("SELECT count(*) FROM booking").query(Long.class).single();
	}

}
