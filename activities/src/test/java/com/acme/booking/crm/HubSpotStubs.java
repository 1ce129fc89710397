package com.acme.booking.crm;

import java.util.UUID;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * HubSpot's answers as its API sends them: the object shapes and the error body with its
 * categories.
 */
public final class HubSpotStubs {

	public static final String TOKEN = "pat-na1-2f1c8a3e-4b5d-4c6e-8f90-123456789abc";

	private HubSpotStubs() {
	}

	static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json;charset=utf-8")
			.withBody(body);
	}

	public static ResponseDefinitionBuilder error(int status, String category, String message) {
		return json(status, """
				{"status": "error", "message": "%s", "correlationId": "%s", "category": "%s"}"""
			.formatted(message.replace("\"", "\\\""), UUID.randomUUID(), category));
	}

	public static ResponseDefinitionBuilder object(int status, String id, String propertiesJson) {
		return json(status, """
				{"id": "%s", "properties": %s, "createdAt": "2026-11-25T10:00:00.000Z",
				 "updatedAt": "2026-11-25T10:00:00.000Z", "archived": false}""".formatted(id, propertiesJson));
	}

	public static ResponseDefinitionBuilder contactCreated(String id) {
		return object(201, id, "{\"email\": \"x@example.com\", \"hs_object_id\": \"" + id + "\"}");
	}

	/**
	 * A contact as {@code GET /crm/v3/objects/contacts/{id}?properties=...} returns it:
	 * the asked properties, null where the contact holds no value.
	 */
	public static ResponseDefinitionBuilder contact(String id, String firstname, String lastname, String company,
			String phone) {
		return object(200, id, """
				{"firstname": %s, "lastname": %s, "company": %s, "phone": %s, "hs_object_id": "%s"}"""
			.formatted(quoted(firstname), quoted(lastname), quoted(company), quoted(phone), id));
	}

	private static String quoted(String value) {
		return value == null ? "null" : "\"" + value.replace("\"", "\\\"") + "\"";
	}

	static ResponseDefinitionBuilder contactExists(String existingId) {
		return error(409, "CONFLICT", "Contact already exists. Existing ID: " + existingId);
	}

	public static ResponseDefinitionBuilder meetingUpserted(String id, boolean created) {
		return json(200, """
				{"status": "COMPLETE", "results": [{"id": "%s", "new": %s, "properties": {"hs_object_id": "%s"},
				 "createdAt": "2026-11-25T10:00:00.000Z", "updatedAt": "2026-11-25T10:00:00.000Z", "archived": false}],
				 "startedAt": "2026-11-25T10:00:00.000Z", "completedAt": "2026-11-25T10:00:00.100Z"}""".formatted(id,
				created, id));
	}

	public static ResponseDefinitionBuilder associated(String meetingId, String contactId) {
		return json(200, """
				{"status": "COMPLETE", "results": [{"from": {"id": "%s"}, "to": {"id": "%s"},
				 "associationSpec": {"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 200}}],
				 "startedAt": "2026-11-25T10:00:00.000Z", "completedAt": "2026-11-25T10:00:00.100Z"}"""
			.formatted(meetingId, contactId));
	}

	/** The 400 HubSpot sends when a written property does not exist in the portal. */
	static ResponseDefinitionBuilder propertyDoesNotExist(String name) {
		return json(400,
				"""
						{"status": "error", "message": "Property values were not valid: [{\\"isValid\\":false,\\"message\\":\\"Property \\\\\\"%s\\\\\\" does not exist\\",\\"error\\":\\"PROPERTY_DOESNT_EXIST\\",\\"name\\":\\"%s\\",\\"localizedErrorMessage\\":\\"Property \\\\\\"%s\\\\\\" does not exist\\",\\"portalId\\":123456}]",
						 "correlationId": "3d4e5f60-0000-4000-8000-000000000001", "category": "VALIDATION_ERROR"}"""
					.formatted(name, name, name));
	}

	public static ResponseDefinitionBuilder unauthorized() {
		return error(401, "INVALID_AUTHENTICATION",
				"Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find "
						+ "more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview");
	}

	static ResponseDefinitionBuilder missingScope(String scope) {
		return json(403,
				"""
						{"status": "error", "message": "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
						 "correlationId": "3d4e5f60-0000-4000-8000-000000000002",
						 "errors": [{"message": "One or more of the following scopes are required.", "context": {"requiredGranularScopes": ["%s"]}}],
						 "links": {"scopes": "https://developers.hubspot.com/scopes"}, "category": "MISSING_SCOPES"}"""
					.formatted(scope));
	}

	static ResponseDefinitionBuilder rateLimited(Integer retryAfterSeconds) {
		ResponseDefinitionBuilder response = json(429,
				"""
						{"status": "error", "message": "You have reached your ten_secondly_rolling limit.",
						 "errorType": "RATE_LIMIT", "correlationId": "3d4e5f60-0000-4000-8000-000000000003",
						 "policyName": "TEN_SECONDLY_ROLLING", "groupName": "publicapi:private-app:burst:1", "category": "RATE_LIMITS"}""");
		return retryAfterSeconds == null ? response : response.withHeader("Retry-After", retryAfterSeconds.toString());
	}

}
