package com.acme.booking.crm;

import java.time.Duration;

import com.acme.booking.probe.IntegrationCheck.CheckReport;
import com.acme.booking.probe.ProbedHealthIndicator;
import com.acme.booking.support.TestClock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.web.client.RestClient;

import static com.acme.booking.crm.HubSpotStubs.TOKEN;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/health/crm} and the {@code --check-integrations} run mode against HubSpot's
 * answers.
 */
class CrmHealthAndCheckTest {

	@RegisterExtension
	static WireMockExtension hubspot = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private CrmProperties properties;

	private HubSpotClient client;

	@BeforeEach
	void setUp() {
		properties = properties(true);
		client = new HubSpotClient(CrmBeans.restClient(RestClient.builder(), properties.hubspot()),
				CrmBeans.circuitBreaker(properties), TOKEN);
	}

	@Test
	void healthIsUpWhenHubSpotAnswersAContactRead() {
		hubspot.stubFor(get(urlPathEqualTo("/crm/v3/objects/contacts")).willReturn(HubSpotStubs.json(200, """
				{"results": [], "paging": null}""")));

		Health report = probed(properties);

		assertThat(report.getStatus()).isEqualTo(Status.UP);
		assertThat(report.getDetails()).doesNotContainKey("error")
			.containsEntry("circuitBreaker", "CLOSED")
			.containsKeys("responseTimeMs", "checkedAt", "ageSeconds");
	}

	@Test
	void healthIsDownWithHubSpotsReasonWhenTheTokenIsRejected() {
		hubspot.stubFor(get(urlPathEqualTo("/crm/v3/objects/contacts")).willReturn(HubSpotStubs.unauthorized()));

		Health report = probed(properties);

		assertThat(report.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) report.getDetails().get("error")).contains("HTTP 401", "INVALID_AUTHENTICATION")
			.doesNotContain(TOKEN);
	}

	@Test
	void healthIsDisabledWithoutCallingHubSpot() {
		Health report = probed(properties(false));

		assertThat(report.getStatus()).isEqualTo(ProbedHealthIndicator.DISABLED);
		assertThat(hubspot.getAllServeEvents()).isEmpty();
	}

	@Test
	void checkPassesWithAllScopesAndReads() {
		grantScopes("\"crm.objects.contacts.read\", \"crm.objects.contacts.write\", \"crm.schemas.contacts.read\", "
				+ "\"crm.schemas.contacts.write\", \"oauth\"");
		stubReads();

		CheckReport report = new CrmCheck(properties, client).verify();

		assertThat(report.ok()).isTrue();
		assertThat(report.lines()).contains("crm: contacts read OK", "crm: properties read OK",
				"crm: meetings read OK");
		assertThat(String.join("\n", report.lines())).doesNotContain(TOKEN);
	}

	@Test
	void checkNamesTheMissingWriteScope() {
		grantScopes("\"crm.objects.contacts.read\", \"crm.objects.contacts.write\", \"crm.schemas.contacts.read\"");
		stubReads();

		CheckReport report = new CrmCheck(properties, client).verify();

		assertThat(report.ok()).isFalse();
		assertThat(report.lines())
			.anySatisfy(line -> assertThat(line).contains("missing scope crm.schemas.contacts.write"));
	}

	@Test
	void checkNamesTheScopeAReadWasRefusedFor() {
		hubspot.stubFor(post("/oauth/v2/private-apps/get/access-token-info")
			.willReturn(HubSpotStubs.error(404, "OBJECT_NOT_FOUND", "Not found")));
		stubReads();
		hubspot.stubFor(get(urlPathEqualTo("/crm/v3/properties/contacts/email"))
			.willReturn(HubSpotStubs.missingScope("crm.schemas.contacts.read")));

		CheckReport report = new CrmCheck(properties, client).verify();

		assertThat(report.ok()).isFalse();
		assertThat(report.lines()).anySatisfy(
				line -> assertThat(line).contains("properties read FAILED", "missing scope crm.schemas.contacts.read"));
	}

	@Test
	void checkReportsARejectedToken() {
		hubspot.stubFor(post("/oauth/v2/private-apps/get/access-token-info").willReturn(HubSpotStubs.unauthorized()));
		hubspot.stubFor(get(urlPathEqualTo("/crm/v3/objects/contacts")).willReturn(HubSpotStubs.unauthorized()));
		hubspot
			.stubFor(get(urlPathEqualTo("/crm/v3/properties/contacts/email")).willReturn(HubSpotStubs.unauthorized()));
		hubspot.stubFor(get(urlPathEqualTo("/crm/v3/objects/meetings")).willReturn(HubSpotStubs.unauthorized()));

		CheckReport report = new CrmCheck(properties, client).verify();

		assertThat(report.ok()).isFalse();
		assertThat(report.lines())
			.anySatisfy(line -> assertThat(line).contains("token rejected", "booking.crm.hubspot.access-token"));
	}

	@Test
	void checkOfDisabledIntegrationPassesWithoutCalls() {
		CheckReport report = new CrmCheck(properties(false), client).verify();

		assertThat(report.ok()).isTrue();
		assertThat(report.lines()).singleElement().asString().contains("disabled");
		assertThat(hubspot.getAllServeEvents()).isEmpty();
	}

	private Health probed(CrmProperties settings) {
		CrmHealthIndicator indicator = new CrmHealthIndicator(settings, client, TestClock.clock());
		indicator.probe();
		return indicator.health();
	}

	private void grantScopes(String scopes) {
		hubspot.stubFor(post("/oauth/v2/private-apps/get/access-token-info").willReturn(HubSpotStubs.json(200, """
				{"userId": 7, "hubId": 123456, "appId": 42, "scopes": [%s]}""".formatted(scopes))));
	}

	private void stubReads() {
		hubspot.stubFor(get(urlPathEqualTo("/crm/v3/objects/contacts")).willReturn(HubSpotStubs.json(200, """
				{"results": []}""")));
		hubspot.stubFor(get(urlPathEqualTo("/crm/v3/properties/contacts/email")).willReturn(HubSpotStubs.json(200,
				"""
						{"name": "email", "label": "Email", "type": "string", "fieldType": "text", "groupName": "contactinformation"}""")));
		hubspot.stubFor(get(urlPathEqualTo("/crm/v3/objects/meetings")).willReturn(HubSpotStubs.json(200, """
				{"results": []}""")));
	}

	private CrmProperties properties(boolean enabled) {
		return new CrmProperties(enabled,
				new CrmProperties.HubSpot(TOKEN, hubspot.baseUrl(), Duration.ofSeconds(2), Duration.ofSeconds(2),
						Duration.ofSeconds(10)),
				Duration.ofMinutes(30), new CrmProperties.CircuitBreaker(50, 20, 10, Duration.ofSeconds(30), 3,
						Duration.ofSeconds(30), Duration.ofSeconds(2)));
	}

}
