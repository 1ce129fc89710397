package com.acme.booking.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code booking.web.max-body-size} (64KB: the largest
 * valid booking is about 6 KB) with a 413 problem, whatever the framing. A declared
 * {@code Content-Length} over the limit is refused before a byte is read; a body without
 * one (chunked) is read up to one byte past the limit and refused there, without reading
 * the rest, so a huge body ties up neither memory nor the thread. The connection is
 * closed after a 413 (and {@code server.tomcat.max-swallow-size} keeps Tomcat from
 * draining what the client still sends).
 */
@Component
// After the correlation id (its log lines carry it) and the refusal metrics (which count
// its 413).
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class BodySizeLimit extends OncePerRequestFilter {

	private final int maxBytes;

	BodySizeLimit(WebProperties properties) {
		this.maxBytes = (int) properties.maxBodySize().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > maxBytes) {
			refuse(request, response);
			return;
		}
		if (declared < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
			byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
			if (body.length > maxBytes) {
				refuse(request, response);
				return;
			}
			chain.doFilter(new ReadBody(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		var problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, Problems.PAYLOAD_TOO_LARGE, "Request body too large",
				"The request body may be at most " + maxBytes + " bytes");
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setHeader(HttpHeaders.CONNECTION, "close");
		Problems.write(request, response, problem);
	}

	/** A request whose body was already read (it fits the limit), served from memory. */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body was already read");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			Charset charset = getCharacterEncoding() != null ? Charset.forName(getCharacterEncoding())
					: StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

}
