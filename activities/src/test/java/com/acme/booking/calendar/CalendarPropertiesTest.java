package com.acme.booking.calendar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application refuses to start with an unusable calendar configuration, and says what
 * to fix.
 */
class CalendarPropertiesTest {

	@TempDir
	Path dir;

	final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bind.class);

	@Test
	void disabledNeedsNothing() {
		runner.run(context -> {
			assertThat(context).hasNotFailed();
			CalendarProperties properties = context.getBean(CalendarProperties.class);
			assertThat(properties.enabled()).isFalse();
			assertThat(properties.rootUrl()).isEqualTo("https://www.googleapis.com/");
			assertThat(properties.sendUpdates()).isEqualTo(CalendarProperties.SendUpdates.ALL);
		});
	}

	@Test
	void enabledWithoutCalendarOrKeyRefusesToStart() {
		runner.withPropertyValues("booking.calendar.enabled=true").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("booking.calendar.calendar-id is not set")
				.hasMessageContaining("booking.calendar.service-account-file is not set")
				.hasMessageContaining("booking.calendar.enabled=false");
		});
	}

	@Test
	void aMissingKeyFileRefusesToStart() {
		runner
			.withPropertyValues("booking.calendar.enabled=true", "booking.calendar.calendar-id=c@example.com",
					"booking.calendar.service-account-file=" + dir.resolve("missing.json"))
			.run(context -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("missing.json) does not exist"));
	}

	@Test
	void aKeyThatIsNotJsonRefusesToStart() throws IOException {
		Path key = Files.writeString(dir.resolve("key.p12"), "not json at all");
		runner
			.withPropertyValues("booking.calendar.enabled=true", "booking.calendar.calendar-id=c@example.com",
					"booking.calendar.service-account-file=" + key)
			.run(context -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("is not a JSON key file"));
	}

	@Test
	void userCredentialsAreNotAServiceAccountKeyAndAreNotEchoed() throws IOException {
		Path key = Files.writeString(dir.resolve("user.json"),
				"{\"type\": \"authorized_user\", \"client_id\": \"x\", \"refresh_token\": \"very-secret-token\"}");
		runner
			.withPropertyValues("booking.calendar.enabled=true", "booking.calendar.calendar-id=c@example.com",
					"booking.calendar.service-account-file=" + key)
			.run(context -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("is not a service account key")
				.hasMessageNotContaining("very-secret-token"));
	}

	@Test
	void invitingWithoutADelegatedUserRefusesToStart() {
		Path key = FakeGoogle.writeKeyFile("http://localhost/token");
		runner
			.withPropertyValues("booking.calendar.enabled=true", "booking.calendar.calendar-id=c@example.com",
					"booking.calendar.service-account-file=" + key, "booking.calendar.invite-attendees=true")
			.run(context -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("booking.calendar.delegated-user"));
	}

	@Test
	void aCompleteConfigurationBinds() {
		Path key = FakeGoogle.writeKeyFile("http://localhost/token");
		runner
			.withPropertyValues("booking.calendar.enabled=true", "booking.calendar.calendar-id=c@example.com",
					"booking.calendar.service-account-file=" + key, "booking.calendar.send-updates=externalOnly",
					"booking.calendar.delegated-user=office@example.com", "booking.calendar.invite-attendees=true",
					"booking.calendar.read-timeout=3s")
			.run(context -> {
				assertThat(context).hasNotFailed();
				CalendarProperties properties = context.getBean(CalendarProperties.class);
				assertThat(properties.sendUpdates().wireValue()).isEqualTo("externalOnly");
				assertThat(properties.invitesAttendees()).isTrue();
				assertThat(properties.readTimeout()).hasSeconds(3);
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(CalendarProperties.class)
	static class Bind {

	}

}
