package com.acme.booking.laptop.temporal;

import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Chooses between the embedded default and external services before the context starts. A
 * configured {@code spring.temporal.connection.target} is used as it is (unless
 * {@code spring.temporal.test-server.enabled} was set explicitly); otherwise
 * {@link EmbeddedTemporal} starts the Temporal dev server or falls back to the in-process
 * one. The dev server stops with the context, when the start fails, and on SIGTERM before
 * the context exists.
 */
public class EmbeddedDefaults implements ApplicationListener<SpringApplicationEvent> {

	private DevServer devServer;

	private Thread shutdownHook;

	@Override
	public void onApplicationEvent(SpringApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			apply(prepared.getEnvironment());
		}
		else if (event instanceof ApplicationPreparedEvent prepared && devServer != null) {
			// Registered first, so destroyed last: the worker stops before its server
			// does.
			var beans = (DefaultListableBeanFactory) prepared.getApplicationContext().getBeanFactory();
			beans.registerSingleton("temporalDevServer", devServer);
			beans.registerDisposableBean("temporalDevServer", devServer::close);
			removeShutdownHook();
		}
		else if (event instanceof ApplicationFailedEvent && devServer != null) {
			devServer.close();
			removeShutdownHook();
		}
	}

	void apply(ConfigurableEnvironment env) {
		Map<String, Object> overrides = new HashMap<>();
		boolean externalTemporal = StringUtils.hasText(env.getProperty("spring.temporal.connection.target"));
		boolean explicit = env.getPropertySources()
			.stream()
			// Spring's attached view of all sources contains every property: it says
			// nothing about where one was set.
			.filter(source -> !ConfigurationPropertySources.isAttachedConfigurationPropertySource(source))
			.filter(source -> !source.getName().contains("application.yml"))
			.anyMatch(source -> source.containsProperty("spring.temporal.test-server.enabled"));
		if (externalTemporal && !explicit) {
			overrides.put("spring.temporal.test-server.enabled", "false");
		}
		else if (!externalTemporal && !explicit) {
			EmbeddedTemporal.Choice choice = EmbeddedTemporal.choose(env);
			overrides.putAll(choice.properties());
			devServer = choice.devServer();
			if (devServer != null) {
				shutdownHook = new Thread(devServer::close, "temporal-dev-server-stop");
				Runtime.getRuntime().addShutdownHook(shutdownHook);
			}
		}
		if (!overrides.isEmpty()) {
			env.getPropertySources().addFirst(new MapPropertySource("bookingEmbeddedDefaults", overrides));
		}
	}

	private void removeShutdownHook() {
		if (shutdownHook == null) {
			return;
		}
		try {
			Runtime.getRuntime().removeShutdownHook(shutdownHook);
		}
		catch (IllegalStateException alreadyShuttingDown) {
			// The hook is running or about to: it stops the dev server itself.
		}
		shutdownHook = null;
	}

}
