package com.acme.booking.webhook;

import java.net.UnknownHostException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The webhook settings, checked at startup: an endpoint whose host is, or resolves to, a
 * non-public address refuses the start unless private addresses are allowed (a host that
 * does not resolve yet is checked before each request instead).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

	private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);

	@Bean
	WebhookEndpointsChecked webhookEndpointsChecked(WebhookProperties properties) {
		if (!properties.allowPrivateAddresses()) {
			for (WebhookProperties.Endpoint endpoint : properties.endpoints()) {
				String host = endpoint.url().getHost();
				try {
					String refusal = PublicAddresses.refusal(host);
					if (refusal != null) {
						throw new IllegalStateException("booking.webhooks.endpoints[].url "
								+ WebhookDeliveries.shown(endpoint.url()) + ": " + refusal);
					}
				}
				catch (UnknownHostException ex) {
					log.warn("Webhook endpoint host {} does not resolve now; it is checked again before every request",
							host);
				}
			}
		}
		return new WebhookEndpointsChecked(properties.endpoints().size());
	}

	/** The endpoints passed the startup check. */
	record WebhookEndpointsChecked(int count) {
	}

}
