package com.acme.booking.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.acme.booking.support.DevServerMode;
import com.acme.booking.support.WebhookReceiver;
import com.acme.booking.tools.RequiredTools;
import io.temporal.client.WorkflowClient;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.util.FileSystemUtils;

/**
 * The booking service on the Temporal CLI's dev server it starts as its child (random
 * ports, a temporary data folder), with Google and HubSpot played by their wire stand-ins
 * and two webhook endpoints on a receiver that verifies their signatures. Started once
 * for the whole test run by the classes that ask for it as a parameter, stopped when the
 * run ends.
 */
final class DevServerSystem implements AutoCloseable {

	final Path dataDir;

	final SyncStandIns standIns = new SyncStandIns();

	/**
	 * Two webhook endpoints: every event to {@code /all}, the creations to
	 * {@code /created}.
	 */
	final WebhookReceiver webhooks = new WebhookReceiver();

	final RunningApp app;

	final WorkflowClient temporal;

	private DevServerSystem() throws IOException {
		dataDir = Files.createTempDirectory("booking-dev-server-system-");
		List<String> properties = new ArrayList<>(standIns.properties());
		properties.addAll(DevServerMode.properties());
		properties.addAll(List.of("booking.admin.api-key=" + RunningApp.ADMIN_KEY, "booking.sync.reconcile-interval=1h",
				"booking.sync.retry.initial-interval=100ms", "booking.sync.retry.maximum-attempts=3",
				"booking.webhooks.endpoints[0].url=" + webhooks.url("/all"),
				"booking.webhooks.endpoints[0].secret=" + webhooks.secret,
				"booking.webhooks.endpoints[1].url=" + webhooks.url("/created"),
				"booking.webhooks.endpoints[1].secret=" + webhooks.secret,
				"booking.webhooks.endpoints[1].events=booking.created", "booking.webhooks.allow-private-addresses=true",
				"booking.webhooks.retry.initial-interval=100ms", "booking.webhooks.retry.maximum-interval=1s",
				"booking.webhooks.retry.maximum-attempts=40"));
		app = RunningApp.start(dataDir, properties.toArray(String[]::new));
		temporal = app.bean(WorkflowClient.class);
	}

	@Override
	public void close() throws IOException {
		try {
			app.close();
		}
		finally {
			standIns.close();
			webhooks.close();
			FileSystemUtils.deleteRecursively(dataDir);
		}
	}

	/**
	 * Hands the one running system to a test class, starting it on first use; a class
	 * that asks for it fails first, with one line, where no Temporal CLI can be had.
	 */
	static final class Resolver implements ParameterResolver, BeforeAllCallback {

		@Override
		public void beforeAll(ExtensionContext context) {
			RequiredTools.temporalCli();
		}

		@Override
		public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
			return parameter.getParameter().getType() == DevServerSystem.class;
		}

		@Override
		public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
			return context.getRoot()
				.getStore(ExtensionContext.Namespace.GLOBAL)
				.getOrComputeIfAbsent(DevServerSystem.class, key -> start(), DevServerSystem.class);
		}

		private static DevServerSystem start() {
			try {
				return new DevServerSystem();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
