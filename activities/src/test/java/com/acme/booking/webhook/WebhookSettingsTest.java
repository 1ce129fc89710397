package com.acme.booking.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.annotation.UserConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook settings are checked at startup: the secret's format, the events, an
 * endpoint on a non-public address unless allowed, and each URL once; a URL's user info
 * and query are never shown.
 */
class WebhookSettingsTest {

	static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);

	final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(UserConfigurations.of(WebhookConfiguration.class));

	@Test
	void startsWithAPublicEndpointAndAWellFormedSecret() {
		context
			.withPropertyValues("booking.webhooks.endpoints[0].url=https://203.0.114.10/hooks",
					"booking.webhooks.endpoints[0].secret=" + SECRET,
					"booking.webhooks.endpoints[0].events=booking.created,booking.cancelled")
			.run(started -> {
				assertThat(started).hasNotFailed();
				WebhookProperties properties = started.getBean(WebhookProperties.class);
				assertThat(properties.endpoints().get(0).receives(WebhookEvent.CANCELLED)).isTrue();
				assertThat(properties.endpoints().get(0).receives(WebhookEvent.RESCHEDULED)).isFalse();
				assertThat(properties.retry().maximumAttempts()).isEqualTo(35);
			});
	}

	@Test
	void refusesASecretThatIsNotWhsecAndBase64() {
		for (String secret : new String[] { "not-a-secret", "whsec_!!!",
				"whsec_" + Base64.getEncoder().encodeToString(new byte[8]) }) {
			context
				.withPropertyValues("booking.webhooks.endpoints[0].url=https://203.0.114.10/hooks",
						"booking.webhooks.endpoints[0].secret=" + secret)
				.run(started -> assertThat(started).hasFailed()
					.getFailure()
					.rootCause()
					.hasMessageContaining("booking.webhooks.endpoints[].secret")
					.hasMessageNotContaining(secret));
		}
	}

	@Test
	void refusesUnknownEventsAndUrlsThatAreNotHttp() {
		context
			.withPropertyValues("booking.webhooks.endpoints[0].url=https://203.0.114.10/hooks",
					"booking.webhooks.endpoints[0].secret=" + SECRET,
					"booking.webhooks.endpoints[0].events=booking.deleted")
			.run(started -> assertThat(started).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("booking.deleted"));
		context
			.withPropertyValues("booking.webhooks.endpoints[0].url=ftp://203.0.114.10/hooks",
					"booking.webhooks.endpoints[0].secret=" + SECRET)
			.run(started -> assertThat(started).hasFailed().getFailure().rootCause().hasMessageContaining("http"));
	}

	@Test
	void refusesAnEndpointOnAPrivateAddressUnlessAllowed() {
		for (String url : new String[] { "http://localhost:8080/hooks", "http://10.1.2.3/hooks",
				"http://169.254.169.254/latest", "http://[::1]/hooks" }) {
			context
				.withPropertyValues("booking.webhooks.endpoints[0].url=" + url,
						"booking.webhooks.endpoints[0].secret=" + SECRET)
				.run(started -> assertThat(started).hasFailed()
					.getFailure()
					.rootCause()
					.hasMessageContaining("not a public address"));
		}
		context
			.withPropertyValues("booking.webhooks.endpoints[0].url=http://localhost:8080/hooks",
					"booking.webhooks.endpoints[0].secret=" + SECRET, "booking.webhooks.allow-private-addresses=true")
			.run(started -> assertThat(started).hasNotFailed());
	}

	@Test
	void neverShowsAUrlsUserInfoOrQueryAndRefusesAUrlConfiguredTwice() {
		String url = "http://hook-user:hook-password@10.1.2.3/hooks?token=hook-token";
		context
			.withPropertyValues("booking.webhooks.endpoints[0].url=" + url,
					"booking.webhooks.endpoints[0].secret=" + SECRET)
			.run(started -> assertThat(started).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("http://10.1.2.3/hooks")
				.hasMessageNotContainingAny("hook-user", "hook-password", "hook-token"));
		context.withPropertyValues("booking.webhooks.endpoints[0].url=ftp://hook-user:hook-password@host/x?token=t")
			.run(started -> assertThat(started).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageNotContainingAny("hook-user", "hook-password", "token"));
		assertThat(new WebhookProperties.Endpoint(URI.create(url), SECRET, null))
			.hasToString("Endpoint[url=http://10.1.2.3/hooks, events=[]]");
		context
			.withPropertyValues("booking.webhooks.endpoints[0].url=https://203.0.114.10/hooks?token=hook-token",
					"booking.webhooks.endpoints[0].secret=" + SECRET,
					"booking.webhooks.endpoints[0].events=booking.created",
					"booking.webhooks.endpoints[1].url=https://203.0.114.10/hooks?token=hook-token",
					"booking.webhooks.endpoints[1].secret=" + SECRET,
					"booking.webhooks.endpoints[1].events=booking.cancelled")
			.run(started -> assertThat(started).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("https://203.0.114.10/hooks is configured more than once")
				.hasMessageNotContaining("hook-token"));
	}

	@Test
	void knowsWhichAddressesArePublic() throws Exception {
		for (String address : new String[] { "10.0.0.1", "172.16.0.1", "192.168.1.1", "169.254.169.254", "127.0.0.1",
				"0.0.0.0", "100.64.0.1", "224.0.0.1", "::1", "fd00::1", "fe80::1", "::ffff:10.0.0.1",
				"64:ff9b::a00:1" }) {
			assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).as(address).isFalse();
		}
		for (String address : new String[] { "8.8.8.8", "203.0.114.10", "2001:4860:4860::8888" }) {
			assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).as(address).isTrue();
		}
	}

}
