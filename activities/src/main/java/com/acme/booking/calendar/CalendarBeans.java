package com.acme.booking.calendar;

import java.util.List;

import com.acme.booking.sync.HealthReport;
import com.acme.booking.sync.IntegrationHealth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Calendar beans while the integration is off. */
@Configuration(proxyBeanMethods = false)
class CalendarBeans {

	@Bean
	BusyTimes busyTimes() {
		return (from, to) -> List.of();
	}

	@Bean
	IntegrationHealth calendarHealth() {
		return new IntegrationHealth() {
			@Override
			public String name() {
				return "calendar";
			}

			@Override
			public HealthReport check() {
				return HealthReport.disabled();
			}
		};
	}

}
