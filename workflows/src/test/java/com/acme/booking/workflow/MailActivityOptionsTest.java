package com.acme.booking.workflow;

import java.time.Duration;

import io.temporal.activity.ActivityOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emails' attempts are ended by their attempt timeout only: an SMTP conversation
 * cannot heartbeat, and a heartbeat timeout would have Temporal retry an email while its
 * first attempt may still be handing it over.
 */
class MailActivityOptionsTest {

	private static final SyncRetrySettings SETTINGS = new SyncRetrySettings(Duration.ofSeconds(2),
			Duration.ofMinutes(10), 2.0, 12, Duration.ofMinutes(5), Duration.ofSeconds(20));

	@Test
	void theMailActivitiesHaveNoHeartbeatTimeoutAndTheSyncAttemptTimeoutAndRetries() {
		var perActivity = SETTINGS.implementationOptions().getActivityOptions();
		ActivityOptions defaults = SETTINGS.implementationOptions().getDefaultActivityOptions();
		for (String name : new String[] { "SendBookingMail", "SendReminder" }) {
			ActivityOptions merged = ActivityOptions.newBuilder(defaults)
				.mergeActivityOptions(perActivity.get(name))
				.build();
			assertThat(merged.getHeartbeatTimeout()).as(name).isEqualTo(Duration.ZERO);
			assertThat(merged.getStartToCloseTimeout()).as(name).isEqualTo(Duration.ofMinutes(5));
			assertThat(merged.getRetryOptions().getMaximumAttempts()).as(name).isEqualTo(12);
		}
		assertThat(defaults.getHeartbeatTimeout()).as("the syncs still heartbeat").isEqualTo(Duration.ofSeconds(20));
	}

}
