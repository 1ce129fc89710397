package com.acme.booking.mail;

import com.acme.booking.business.BusinessProperties;
import com.acme.booking.calendar.CalendarProperties;
import com.acme.booking.core.BookingRulesProperties;
import com.acme.booking.ics.BookingIcs;
import com.acme.booking.token.ManageLinks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The mail beans. The SMTP side exists only with {@code booking.mail.enabled}; it needs
 * Spring Boot's mail sender ({@code spring.mail.host}), and the application refuses to
 * start without one rather than fail every email later.
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

	@Bean
	@ConditionalOnBooleanProperty("booking.mail.enabled")
	SmtpDelivery smtpDelivery(ObjectProvider<JavaMailSender> sender, MailProperties mail, BusinessProperties business) {
		JavaMailSender smtp = sender.getIfAvailable();
		if (smtp == null) {
			throw new IllegalStateException("booking.mail.enabled=true needs an SMTP server: set spring.mail.host "
					+ "(and spring.mail.port, spring.mail.username, spring.mail.password as needed)");
		}
		return new SmtpDelivery(smtp, mail.from(), business.email());
	}

}
