package com.acme.booking.openapi;

import java.util.Map;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code management.server.port} set to a port of its own, the API description moves
 * there too (springdoc's actuator mode: {@code /actuator/openapi},
 * {@code /actuator/swagger-ui}), so that the main port serves none of what is for
 * operators. An explicit {@code springdoc.use-management-port} wins. Registered in
 * {@code META-INF/spring.factories}, like {@link ProdProfileGuard}.
 */
public class ManagementPortDocs implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment env = event.getEnvironment();
		if (ManagementPortType.get(env) == ManagementPortType.DIFFERENT) {
			env.getPropertySources()
				.addLast(new MapPropertySource("bookingManagementPortDocs",
						Map.of("springdoc.use-management-port", "true")));
		}
	}

	/** After Spring Boot has read the configuration files. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
