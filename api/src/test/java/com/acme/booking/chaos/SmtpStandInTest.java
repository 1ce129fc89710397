package com.acme.booking.chaos;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay counts an answer the client never heard, so that the chaos run allows the
 * copy it may cause, and only then.
 */
class SmtpStandInTest {

	@Test
	void aClientThatGoesAwayBeforeTheAnswerToItsMessageLeavesOneUnheardAnswer() throws Exception {
		try (SmtpStandIn smtp = new SmtpStandIn(new ChaosPlan(1, 0), Duration.ofSeconds(1))) {
			try (Socket client = new Socket(InetAddress.getLoopbackAddress(), smtp.port())) {
				send(client);
				// Gone without the answer to the message and without QUIT, as a client
				// whose read timed out.
			}

			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> smtp.answersUnheard() == 1);
			assertThat(smtp.answersMissed()).containsExactly("<m1@chaos.example>");
			assertThat(smtp.delivered()).hasSize(1);
			assertThat(smtp.answersDropped()).isZero();
		}
	}

	@Test
	void aClientThatHearsTheAnswerAndQuitsLeavesNone() throws Exception {
		try (SmtpStandIn smtp = new SmtpStandIn(new ChaosPlan(1, 0), Duration.ofSeconds(1));
				Socket client = new Socket(InetAddress.getLoopbackAddress(), smtp.port())) {
			BufferedReader answers = send(client);
			assertThat(answers.readLine()).startsWith("250");
			assertThat(command(client, answers, "QUIT")).startsWith("221");

			assertThat(smtp.delivered()).hasSize(1);
			assertThat(smtp.answersUnheard()).isZero();
			assertThat(smtp.answersMissed()).isEmpty();
		}
	}

	/**
	 * One message, in lock step as clients speak SMTP, up to its closing dot; the answer
	 * to that is left unread.
	 */
	private static BufferedReader send(Socket client) throws Exception {
		client.setSoTimeout(10_000);
		BufferedReader answers = new BufferedReader(
				new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
		assertThat(answers.readLine()).startsWith("220");
		assertThat(command(client, answers, "HELO client")).startsWith("250");
		assertThat(command(client, answers, "MAIL FROM:<bookings@chaos.example>")).startsWith("250");
		assertThat(command(client, answers, "RCPT TO:<customer@example.com>")).startsWith("250");
		assertThat(command(client, answers, "DATA")).startsWith("354");
		write(client, "Message-ID: <m1@chaos.example>\r\nSubject: hello\r\n\r\nhello\r\n.");
		return answers;
	}

	private static String command(Socket client, BufferedReader answers, String command) throws Exception {
		write(client, command);
		return answers.readLine();
	}

	private static void write(Socket client, String lines) throws Exception {
		OutputStream out = client.getOutputStream();
		out.write((lines + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

}
