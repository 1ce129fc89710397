package com.acme.booking.crm;

import java.net.http.HttpClient;
import java.util.Map;

import com.acme.booking.core.BookingRepository;
import com.acme.booking.sync.AttemptTimeouts;
import com.acme.booking.sync.Breakers;
import com.acme.booking.sync.CacheStatistics;
import com.acme.booking.sync.IntegrationCheck;
import com.acme.booking.sync.IntegrationHealth;
import com.acme.booking.sync.SyncProperties;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
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
 * The HubSpot integration. The beans exist whether or not it is enabled: the activity, health and check consult
 * {@code booking.crm.enabled} themselves, so a disabled integration never calls HubSpot.
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
			// A default header, never a logged URL or message: the token stays out of logs and failures.
			builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + hubspot.accessToken().strip());
		}
		return builder.build();
	}

	static CircuitBreaker circuitBreaker(CrmProperties properties) {
		CrmProperties.CircuitBreaker settings = properties.circuitBreaker();
		CircuitBreaker breaker = Breakers.create("hubspot", CircuitBreakerConfig.custom()
			.failureRateThreshold(settings.failureRateThreshold())
			.slidingWindowSize(settings.slidingWindowSize())
			.minimumNumberOfCalls(settings.minimumNumberOfCalls())
			.waitDurationInOpenState(settings.waitInOpenState())
			.recordException(CrmFailures::isOutage), settings.permittedCallsInHalfOpenState(),
				settings.maxWaitInHalfOpenState());
		breaker.getEventPublisher()
			.onStateTransition(event -> log.warn("HubSpot circuit breaker {}", event.getStateTransition()));
		return breaker;
	}

	/** HubSpot contact ids by email, so a returning customer's contact is updated without a lookup. */
	@Bean
	Cache<String, String> crmContactIds(CrmProperties properties) {
		return Caffeine.newBuilder().expireAfterWrite(properties.contactCacheTtl()).maximumSize(10_000).recordStats().build();
	}

	@Bean
	CacheStatistics crmCacheStatistics(Cache<String, String> crmContactIds) {
		return () -> Map.of("crm.contact-ids", crmContactIds);
	}

	@Bean
	CrmSync crmSync(HubSpotClient client, BookingRepository bookings, Cache<String, String> crmContactIds) {
		return new CrmSync(new HubSpotSchema(client), new ContactSync(client, bookings, crmContactIds),
				new MeetingSync(client, bookings));
	}

	@Bean
	IntegrationHealth crmHealth(CrmProperties properties, HubSpotClient client) {
		return new CrmHealth(properties, client);
	}

	@Bean
	IntegrationCheck crmCheck(CrmProperties properties, HubSpotClient client) {
		return new CrmCheck(properties, client);
	}

}
