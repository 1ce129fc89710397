package com.acme.booking.mail;

import java.util.Set;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.stereotype.Component;

/**
 * Renders the emails from {@code classpath:mail/<template>.txt} (plain text) and
 * {@code mail/<template>.html} with Thymeleaf, which escapes every value in the HTML part
 * (a customer's name is data, never markup): {@code booking} for the messages about the
 * appointment, {@code verification} and {@code new-link} for the two that only carry a
 * link.
 */
@Component
class MailTemplates {

	private final TemplateEngine engine = new TemplateEngine();

	MailTemplates() {
		engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
		engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
	}

	/** The two parts of one email. */
	record Parts(String text, String html) {
	}

	Parts render(MessageView view) {
		Context context = new Context();
		context.setVariable("m", view);
		String template = switch (view.kind()) {
			case VERIFICATION -> "verification";
			case NEW_LINK -> "new-link";
			case CONFIRMATION, UPDATE, CANCELLATION, REMINDER -> "booking";
		};
		return new Parts(engine.process(template + ".txt", context), engine.process(template + ".html", context));
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(MailTemplates.class.getClassLoader());
		resolver.setPrefix("mail/");
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		resolver.setOrder(order);
		return resolver;
	}

}
