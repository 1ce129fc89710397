package com.acme.booking.crm;

import java.net.http.HttpClient;
import java.time.Clock;

import com.acme.booking.core.BookingRepository;
import com.acme.booking.probe.IntegrationCheck;
import com.acme.booking.sync.AttemptTimeouts;
import com.acme.booking.sync.Breakers;
import com.acme.booking.sync.SyncProperties;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetricsPublisher;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The HubSpot integration. The beans exist whether or not it is enabled: the activity,
 * health and check consult {@code booking.crm.enabled} themselves, so a disabled
 * integration never calls HubSpot.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CrmProperties.class)
class CrmBeans {

	private static final Logger log = LoggerFactory.getLogger(CrmBeans.class);

	@Bean
	HubSpotClient hubSpotClient(CrmProperties properties, RestClient.Builder builder,
			ObjectProvider<SyncProperties> sync) {
		if (properties.enabled()) {
			sync.ifAvailable(settings -> requireAttemptTimeoutCovers(properties, settings));
		}
		return new HubSpotClient(restClient(builder, properties.hubspot()), circuitBreaker(properties),
				properties.hubspot().accessToken());
	}

	static void requireAttemptTimeoutCovers(CrmProperties properties, SyncProperties sync) {
		AttemptTimeouts.requireCovers(sync.attemptTimeout(), "HubSpot", properties.worstAttempt(),
				"12 x (booking.crm.hubspot.connect-timeout + read-timeout)");
	}

	static RestClient restClient(RestClient.Builder builder, CrmProperties.HubSpot hubspot) {
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(hubspot.connectTimeout())
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(hubspot.readTimeout());
		builder.baseUrl(hubspot.baseUrl()).requestFactory(requests);
		if (hubspot.accessToken() != null) {
			// A default header, never a logged URL or message: the token stays out of
			// logs and failures.
			builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + hubspot.accessToken().strip());
		}
		return builder.build();
	}

	static CircuitBreaker circuitBreaker(CrmProperties properties) {
		CrmProperties.CircuitBreaker settings = properties.circuitBreaker();
		CircuitBreaker breaker = Breakers.create("hubspot",
				CircuitBreakerConfig.custom()
					.failureRateThreshold(settings.failureRateThreshold())
					.slidingWindowSize(settings.slidingWindowSize())
					.minimumNumberOfCalls(settings.minimumNumberOfCalls())
					.waitDurationInOpenState(settings.waitInOpenState())
					.recordException(CrmFailures::isOutage),
				settings.permittedCallsInHalfOpenState(), settings.maxWaitInHalfOpenState());
		breaker.getEventPublisher()
			.onStateTransition(event -> log.warn("HubSpot circuit breaker {}", event.getStateTransition()));
		return breaker;
	}

	/**
	 * HubSpot contact ids by email, so a returning customer's contact is updated without
	 * a lookup.
	 */
	@Bean
	Cache<String, String> crmContactIds(CrmProperties properties) {
		return Caffeine.newBuilder()
			.expireAfterWrite(properties.contactCacheTtl())
			.maximumSize(10_000)
			.recordStats()
			.build();
	}

	/**
	 * {@code cache_gets_total{cache="crm.contact-ids"}} and friends: how often a
	 * returning customer skips a lookup.
	 */
	@Bean
	MeterBinder crmContactIdsMetrics(Cache<String, String> crmContactIds) {
		return registry -> CaffeineCacheMetrics.monitor(registry, crmContactIds, "crm.contact-ids");
	}

	/**
	 * {@code resilience4j_circuitbreaker_state{name="hubspot"}} and the breaker's call
	 * counts.
	 */
	@Bean
	MeterBinder hubSpotCircuitBreakerMetrics(CrmProperties properties, HubSpotClient client) {
		return registry -> {
			if (properties.enabled()) {
				new TaggedCircuitBreakerMetricsPublisher(registry).publishMetrics(client.breaker());
			}
		};
	}

	@Bean
	CrmSync crmSync(HubSpotClient client, BookingRepository bookings, Cache<String, String> crmContactIds,
			Clock clock) {
		return new CrmSync(new HubSpotSchema(client), new ContactSync(client, bookings, crmContactIds),
				new MeetingSync(client, bookings), bookings, clock);
	}

	/**
	 * Actuator names it {@code crm}: {@code /actuator/health/crm} and the part of
	 * {@code /api/health}.
	 */
	@Bean
	CrmHealthIndicator crmHealthIndicator(CrmProperties properties, HubSpotClient client, Clock clock) {
		return new CrmHealthIndicator(properties, client, clock);
	}

	@Bean
	IntegrationCheck crmCheck(CrmProperties properties, HubSpotClient client) {
		return new CrmCheck(properties, client);
	}

}
