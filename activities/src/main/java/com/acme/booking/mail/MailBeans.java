package com.acme.booking.mail;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.acme.booking.business.BusinessProperties;
import com.acme.booking.calendar.CalendarProperties;
import com.acme.booking.core.BookingRulesProperties;
import com.acme.booking.ics.BookingIcs;
import com.acme.booking.sync.AttemptTimeouts;
import com.acme.booking.sync.SyncProperties;
import com.acme.booking.token.ManageLinks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The mail beans. The SMTP side exists only with {@code booking.mail.enabled}; it needs
 * Spring Boot's mail sender ({@code spring.mail.host}), and the application refuses to
 * start without one rather than fail every email later, or without JavaMail timeouts that
 * {@code booking.sync.attempt-timeout} covers.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ MailProperties.class, BusinessProperties.class, BookingRulesProperties.class,
		CalendarProperties.class })
class MailBeans {

	@Bean
	MessageComposer messageComposer(MailTemplates templates, BookingIcs ics, ManageLinks links,
			BusinessProperties business, CalendarProperties calendar, BookingRulesProperties rules) {
		return new MessageComposer(templates, ics, links, business, calendar.enabled(), calendar.calendarId(),
				rules.timeZone());
	}

	/** JavaMail's timeouts, in milliseconds, as {@code spring.mail.properties} keys. */
	static final List<String> JAVAMAIL_TIMEOUTS = List.of("mail.smtp.connectiontimeout", "mail.smtp.timeout",
			"mail.smtp.writetimeout");

	@Bean
	@ConditionalOnBooleanProperty("booking.mail.enabled")
	SmtpDelivery smtpDelivery(ObjectProvider<JavaMailSender> sender, MailProperties mail, BusinessProperties business,
			Environment environment, ObjectProvider<SyncProperties> sync) {
		JavaMailSender smtp = sender.getIfAvailable();
		if (smtp == null) {
			throw new IllegalStateException("booking.mail.enabled=true needs an SMTP server: set spring.mail.host "
					+ "(and spring.mail.port, spring.mail.username, spring.mail.password as needed)");
		}
		Duration worst = worstAttempt(Binder.get(environment)
			.bind("spring.mail.properties", Bindable.mapOf(String.class, String.class))
			.orElse(Map.of()));
		sync.ifAvailable(settings -> AttemptTimeouts.requireCovers(settings.attemptTimeout(), "SMTP", worst,
				"mail.smtp.connectiontimeout + 12 x the longer of mail.smtp.timeout and mail.smtp.writetimeout, "
						+ "in spring.mail.properties"));
		return new SmtpDelivery(smtp, mail.from(), business.email());
	}

	/**
	 * A bound of one SMTP conversation: a connection, then at most 12 exchanges
	 * (greeting, EHLO, STARTTLS and EHLO again, three for AUTH LOGIN, MAIL, RCPT, DATA,
	 * the content, QUIT), each waiting at most JavaMail's read or write timeout. Without
	 * those timeouts JavaMail waits forever, and no attempt timeout could cover it:
	 * refused.
	 */
	static Duration worstAttempt(Map<String, String> javaMail) {
		long[] millis = new long[JAVAMAIL_TIMEOUTS.size()];
		for (int i = 0; i < millis.length; i++) {
			String key = JAVAMAIL_TIMEOUTS.get(i);
			String value = javaMail.get(key);
			try {
				millis[i] = value == null ? 0 : Long.parseLong(value.trim());
			}
			catch (NumberFormatException ex) {
				millis[i] = 0;
			}
			if (millis[i] <= 0) {
				throw new IllegalStateException("booking.mail.enabled=true needs spring.mail.properties[" + key
						+ "] (milliseconds, for example 10000): without it JavaMail waits forever on a stuck SMTP "
						+ "server, and Temporal would send the email again while the first attempt still hangs");
			}
		}
		return Duration.ofMillis(millis[0] + 12 * Math.max(millis[1], millis[2]));
	}

}
