package com.acme.booking.mail;

import java.io.InputStream;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Faults around Spring Boot's real mail sender: the SMTP server down (the sender pointed
 * at a closed port), or the server's answer lost after it took the message (the
 * connection resets once the message went through).
 */
@TestConfiguration(proxyBeanMethods = false)
class SmtpFaults {

	static final AtomicBoolean loseNextAnswer = new AtomicBoolean();

	static final AtomicInteger handedOver = new AtomicInteger();

	/**
	 * Points the real sender at {@code port}; a closed port is an SMTP server that is
	 * down.
	 */
	static void pointAt(JavaMailSender sender, int port) {
		((LosingAnswers) sender).delegate.setPort(port);
	}

	@Bean
	static BeanPostProcessor losingAnswers() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof JavaMailSenderImpl real ? new LosingAnswers(real) : bean;
			}
		};
	}

	static final class LosingAnswers implements JavaMailSender {

		final JavaMailSenderImpl delegate;

		LosingAnswers(JavaMailSenderImpl delegate) {
			this.delegate = delegate;
		}

		@Override
		public MimeMessage createMimeMessage() {
			return delegate.createMimeMessage();
		}

		@Override
		public MimeMessage createMimeMessage(InputStream contentStream) throws MailException {
			return delegate.createMimeMessage(contentStream);
		}

		@Override
		public void send(MimeMessage... mimeMessages) throws MailException {
			delegate.send(mimeMessages);
			handedOver.incrementAndGet();
			if (loseNextAnswer.compareAndSet(true, false)) {
				throw new MailSendException("Exception reading response",
						new MessagingException("Exception reading response", new SocketException("Connection reset")));
			}
		}

		@Override
		public void send(SimpleMailMessage... simpleMessages) throws MailException {
			throw new UnsupportedOperationException();
		}

	}

}
