package com.acme.booking.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.acme.booking.support.Http;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * {@link Http}'s calls for a {@link WebSlice} test: the same requests and answers,
 * through MockMvc instead of a socket.
 */
public final class MockHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MockMvc mvc;

	public MockHttp(MockMvc mvc) {
		this.mvc = mvc;
	}

	public Http.Response get(String path, String... headers) {
		return send("GET", path, null, headers);
	}

	public Http.Response post(String path, Object body, String... headers) {
		return send("POST", path, body, headers);
	}

	public Http.Response patch(String path, Object body, String... headers) {
		return send("PATCH", path, body, headers);
	}

	public Http.Response delete(String path, String... headers) {
		return send("DELETE", path, null, headers);
	}

	/**
	 * Sends {@code body} as JSON (a String is sent as it is, to test malformed input),
	 * unless {@code headers} name another Content-Type.
	 */
	public Http.Response send(String method, String path, Object body, String... headers) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method),
				URI.create(path));
		if (body != null) {
			request.contentType("application/json")
				.content(body instanceof String s ? s : JSON.writeValueAsString(body));
		}
		for (int i = 0; i < headers.length; i += 2) {
			if ("Content-Type".equalsIgnoreCase(headers[i])) {
				request.contentType(headers[i + 1]);
			}
			else {
				request.header(headers[i], headers[i + 1]);
			}
		}
		try {
			MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
			Map<String, List<String>> answered = new LinkedHashMap<>();
			for (String name : response.getHeaderNames()) {
				answered.put(name, response.getHeaderValues(name).stream().map(String::valueOf).toList());
			}
			return new Http.Response(response.getStatus(), answered,
					response.getContentAsString(StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
