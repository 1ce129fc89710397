package com.acme.booking.crm;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.client.RestClient;

import static com.acme.booking.crm.HubSpotStubs.TOKEN;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service's property group and properties are created on first use, idempotently. */
class HubSpotSchemaTest {

	@RegisterExtension
	static WireMockExtension hubspot = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private HubSpotSchema schema;

	@BeforeEach
	void setUp() {
		CrmProperties properties = new CrmProperties(true,
				new CrmProperties.HubSpot(TOKEN, hubspot.baseUrl(), Duration.ofSeconds(2), Duration.ofSeconds(2),
						Duration.ofSeconds(10)),
				Duration.ofMinutes(30), new CrmProperties.CircuitBreaker(50, 20, 10, Duration.ofSeconds(30), 3,
						Duration.ofSeconds(30), Duration.ofSeconds(2)));
		schema = new HubSpotSchema(new HubSpotClient(CrmBeans.restClient(RestClient.builder(), properties.hubspot()),
				CrmBeans.circuitBreaker(properties), TOKEN));
	}

	@Test
	void createsGroupsAndPropertiesOnceAndTakesConflictAsExisting() {
		hubspot.stubFor(post(urlPathMatching("/crm/v3/properties/(contacts|meetings)/groups"))
			.willReturn(HubSpotStubs.json(201, "{\"name\": \"booking_service\", \"label\": \"Booking service\"}")));
		hubspot.stubFor(post("/crm/v3/properties/contacts").willReturn(
				HubSpotStubs.error(409, "OBJECT_ALREADY_EXISTS", "A property named 'booking_id' already exists.")));
		hubspot.stubFor(
				post("/crm/v3/properties/meetings").willReturn(HubSpotStubs.json(201, "{\"name\": \"booking_id\"}")));

		schema.ensure();
		schema.ensure();

		hubspot.verify(exactly(1), postRequestedFor(urlEqualTo("/crm/v3/properties/contacts/groups")).withRequestBody(
				equalToJson("{\"name\": \"booking_service\", \"label\": \"Booking service\", \"displayOrder\": 99}")));
		hubspot.verify(exactly(4), postRequestedFor(urlEqualTo("/crm/v3/properties/contacts")));
		hubspot.verify(postRequestedFor(urlEqualTo("/crm/v3/properties/contacts"))
			.withRequestBody(matchingJsonPath("$.name", equalTo("booking_status")))
			.withRequestBody(matchingJsonPath("$.type", equalTo("enumeration")))
			.withRequestBody(matchingJsonPath("$.options[1].value", equalTo("rescheduled"))));
		hubspot.verify(exactly(1),
				postRequestedFor(urlEqualTo("/crm/v3/properties/meetings"))
					.withRequestBody(matchingJsonPath("$.name", equalTo("booking_id")))
					.withRequestBody(matchingJsonPath("$.hasUniqueValue", equalTo("true")))
					.withRequestBody(matchingJsonPath("$.groupName", equalTo("booking_service"))));
	}

	@Test
	void refusalIsNotTakenAsExistingAndIsAskedAgainNextTime() {
		hubspot.stubFor(post("/crm/v3/properties/contacts/groups")
			.willReturn(HubSpotStubs.missingScope("crm.schemas.contacts.write")));

		assertThatThrownBy(schema::ensure).isInstanceOfSatisfying(HubSpotCallFailed.class,
				ex -> assertThat(ex.requiredScopes()).containsExactly("crm.schemas.contacts.write"));
		assertThatThrownBy(schema::ensure).isInstanceOf(HubSpotCallFailed.class);

		hubspot.verify(exactly(2), postRequestedFor(urlEqualTo("/crm/v3/properties/contacts/groups")));
	}

}
