package com.acme.booking.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 spoken by hand over a socket, for what ordinary clients hide: a chunked body
 * that is never finished, and whether the server closes the connection.
 */
final class RawHttp implements AutoCloseable {

	private final Socket socket;

	private final OutputStream out;

	private final InputStream in;

	RawHttp(int port) {
		try {
			this.socket = new Socket("localhost", port);
			// A guard against a server that waits for the rest of the body; a correct one
			// answers at once.
			this.socket.setSoTimeout(30_000);
			this.out = socket.getOutputStream();
			this.in = socket.getInputStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Sends the request line and headers of a chunked POST. */
	RawHttp startChunkedPost(String path) throws IOException {
		out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
				+ "Transfer-Encoding: chunked\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		return this;
	}

	RawHttp chunk(byte[] data) throws IOException {
		out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.write(data);
		out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
		out.flush();
		return this;
	}

	RawHttp lastChunk() throws IOException {
		out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		out.flush();
		return this;
	}

	/** Reads until the server closes the connection; everything it sent. */
	String readUntilClosed() throws IOException {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		in.transferTo(received);
		return received.toString(StandardCharsets.UTF_8);
	}

	/** Reads one response whose body has a Content-Length; the connection stays open. */
	String readResponse() throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				break;
			}
			head.write(b);
		}
		String headers = head.toString(StandardCharsets.US_ASCII);
		int length = headers.lines()
			.filter(line -> line.toLowerCase().startsWith("content-length:"))
			.map(line -> Integer.parseInt(line.substring(15).strip()))
			.findFirst()
			.orElse(0);
		return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}

}
