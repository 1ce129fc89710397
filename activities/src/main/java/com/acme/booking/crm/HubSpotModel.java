package com.acme.booking.crm;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * HubSpot's CRM v3 wire format, as far as this service uses it (HubSpot's public OpenAPI
 * specs). Answers ignore unknown fields: HubSpot adds fields freely, and the application
 * may make its JSON mapper strict for clients.
 */
final class HubSpotModel {

	private HubSpotModel() {
	}

	/**
	 * {@code SimplePublicObjectInput} (update) and
	 * {@code SimplePublicObjectInputForCreate} (create).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ObjectInput(Map<String, String> properties, List<Object> associations) {

		static ObjectInput update(Map<String, String> properties) {
			return new ObjectInput(properties, null);
		}

		static ObjectInput create(Map<String, String> properties) {
			return new ObjectInput(properties, List.of());
		}

	}

	/** {@code SimplePublicObject}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record CrmObject(String id, Map<String, String> properties, Boolean archived) {
	}

	/**
	 * {@code SimplePublicObjectBatchInputUpsert}: the object whose {@code idProperty} has
	 * the value {@code id}.
	 */
	record UpsertInput(String idProperty, String id, Map<String, String> properties) {
	}

	record BatchInput<T>(List<T> inputs) {
	}

	/** {@code BatchResponseSimplePublicUpsertObject}, also with errors (207). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record BatchResult(String status, List<CrmObject> results, Integer numErrors, List<HubSpotCallFailed.Body> errors) {
	}

	/** {@code PropertyGroupCreate}. */
	record PropertyGroupCreate(String name, String label, int displayOrder) {
	}

	/** {@code PropertyCreate}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record PropertyCreate(String name, String label, String description, String groupName, String type,
			String fieldType, Boolean hasUniqueValue, List<Option> options) {
	}

	record Option(String label, String value, int displayOrder) {
	}

	/** Answer of {@code POST /oauth/v2/private-apps/get/access-token-info}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record TokenInfo(Long hubId, Long appId, List<String> scopes) {
	}

	record TokenKey(String tokenKey) {
	}

}
