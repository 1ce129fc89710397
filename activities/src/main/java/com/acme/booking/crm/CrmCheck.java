package com.acme.booking.crm;

import java.util.ArrayList;
import java.util.List;

import com.acme.booking.crm.HubSpotModel.TokenInfo;
import com.acme.booking.probe.IntegrationCheck;

/**
 * The {@code --check-integrations} run mode for HubSpot: asks HubSpot which scopes the
 * token has, then makes one read per API the sync uses, so a missing scope is named
 * before the first booking fails on it.
 */
class CrmCheck implements IntegrationCheck {

	/**
	 * Scopes the sync needs: contacts and meetings (meetings are engagements under the
	 * contact scopes), properties.
	 */
	static final List<String> REQUIRED_SCOPES = List.of("crm.objects.contacts.read", "crm.objects.contacts.write",
			"crm.schemas.contacts.read", "crm.schemas.contacts.write");

	/** One cheap read per API the sync uses, with the scope a 403 on it points to. */
	private static final List<Probe> PROBES = List.of(
			new Probe("contacts read", CrmHealthIndicator.PROBE, "crm.objects.contacts.read"),
			new Probe("properties read", "/crm/v3/properties/contacts/email", "crm.schemas.contacts.read"),
			new Probe("meetings read", "/crm/v3/objects/meetings?limit=1", "crm.objects.contacts.read"));

	private final CrmProperties properties;

	private final HubSpotClient client;

	CrmCheck(CrmProperties properties, HubSpotClient client) {
		this.properties = properties;
		this.client = client;
	}

	@Override
	public String name() {
		return "crm";
	}

	@Override
	public CheckReport verify() {
		if (!properties.enabled()) {
			return new CheckReport(true, List.of("crm: disabled (booking.crm.enabled=false), nothing checked"));
		}
		List<String> lines = new ArrayList<>();
		lines.add("crm: HubSpot at " + properties.hubspot().baseUrl());
		boolean ok;
		try {
			ok = checkScopes(lines);
			for (Probe probe : PROBES) {
				ok &= probe(probe, lines);
			}
		}
		catch (RuntimeException unexpected) {
			// The run mode reports; it never throws.
			lines.add("crm: check failed unexpectedly: " + unexpected);
			ok = false;
		}
		lines.add(ok ? "crm: OK" : "crm: FAILED, see docs/hubspot.md#troubleshooting");
		return new CheckReport(ok, List.copyOf(lines));
	}

	private boolean checkScopes(List<String> lines) {
		try {
			TokenInfo info = client.tokenInfo();
			List<String> granted = info.scopes() == null ? List.of() : info.scopes();
			List<String> missing = REQUIRED_SCOPES.stream().filter(scope -> !granted.contains(scope)).toList();
			lines.add("crm: token of private app " + info.appId() + " in portal " + info.hubId());
			if (missing.isEmpty()) {
				lines.add("crm: scopes OK (" + String.join(", ", REQUIRED_SCOPES) + ")");
				return true;
			}
			lines.add("crm: missing scope " + String.join(", ", missing)
					+ ": add it to the private app in HubSpot (Settings > Integrations > Private apps > Scopes)");
			return false;
		}
		catch (HubSpotCallFailed ex) {
			if (ex.status() == 401) {
				lines.add("crm: token rejected (" + CrmHealthIndicator.summary(ex)
						+ "): set booking.crm.hubspot.access-token " + "to the private app's current access token");
				return false;
			}
			// Not every HubSpot environment answers token info; the reads below still
			// test the scopes.
			lines.add("crm: could not read the token's scopes (" + CrmHealthIndicator.summary(ex)
					+ "), checking by reads");
			return true;
		}
	}

	private boolean probe(Probe probe, List<String> lines) {
		try {
			client.probe(probe.name(), probe.path());
			lines.add("crm: " + probe.name() + " OK");
			return true;
		}
		catch (HubSpotCallFailed ex) {
			String fix = switch (ex.status()) {
				case 401 -> ": the token is invalid, set booking.crm.hubspot.access-token";
				case 403 -> ": missing scope "
						+ (ex.requiredScopes().isEmpty() ? probe.scope() : String.join(" or ", ex.requiredScopes()));
				default -> "";
			};
			lines.add("crm: " + probe.name() + " FAILED (" + CrmHealthIndicator.summary(ex) + ")" + fix);
			return false;
		}
	}

	private record Probe(String name, String path, String scope) {
	}

}
