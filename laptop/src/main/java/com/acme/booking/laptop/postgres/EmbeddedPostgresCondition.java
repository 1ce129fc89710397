package com.acme.booking.laptop.postgres;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Embedded PostgreSQL runs when it is enabled and no external database was configured.
 */
class EmbeddedPostgresCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return active(context.getEnvironment());
	}

	static boolean active(Environment env) {
		return env.getProperty("booking.embedded.enabled", Boolean.class, false)
				&& !StringUtils.hasText(env.getProperty("spring.datasource.url"));
	}

}
