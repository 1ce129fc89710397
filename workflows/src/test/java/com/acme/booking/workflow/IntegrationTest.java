package com.acme.booking.workflow;

import io.temporal.activity.ActivityMethod;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything the workflow builds from an {@link Integration} value agrees with it: an
 * integration added with an activity interface whose names differ from the enum's fails
 * here, not in production.
 */
class IntegrationTest {

	@Test
	void everyIntegrationPushedInThePassesNamesItsActivityTypesAsTheEnumSays() throws Exception {
		for (Integration integration : Integration.values()) {
			if (!integration.inPasses()) {
				continue;
			}
			Class<? extends IntegrationActivities> activities = integration.activities();
			assertThat(activities.getMethod("sync", String.class).getAnnotation(ActivityMethod.class).name())
				.as(integration.name())
				.isEqualTo(integration.activity());
			assertThat(
					activities.getMethod("syncInBackground", String.class).getAnnotation(ActivityMethod.class).name())
				.as(integration.name())
				.isEqualTo(integration.backgroundActivity());
		}
		assertThat(SyncRetrySettings.BACKGROUND_ACTIVITIES).containsExactly("SyncCalendarInBackground",
				"SyncCrmInBackground", "SyncWebhookInBackground");
	}

	@Test
	void everyIntegrationHasASearchAttributeAndStartsPending() {
		assertThat(BookingTemporal.SEARCH_ATTRIBUTES).extracting(SearchAttributeKey::getName)
			.containsExactly("BookingId", "BookingStatus", "CalendarSync", "CrmSync", "MailSync", "WebhookSync",
					"CalendarConflict", "CalendarDrift");
		SearchAttributes start = BookingTemporal.startAttributes("b-1");
		for (Integration integration : Integration.values()) {
			assertThat(start.get(BookingTemporal.syncAttribute(integration))).as(integration.name())
				.isEqualTo(SyncState.PENDING.name());
		}
	}

}
