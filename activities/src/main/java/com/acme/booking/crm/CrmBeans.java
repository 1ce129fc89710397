package com.acme.booking.crm;

import com.acme.booking.sync.HealthReport;
import com.acme.booking.sync.IntegrationHealth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** CRM beans while the integration is off. */
@Configuration(proxyBeanMethods = false)
class CrmBeans {

	@Bean
	IntegrationHealth crmHealth() {
		return new IntegrationHealth() {
			@Override
			public String name() {
				return "crm";
			}

			@Override
			public HealthReport check() {
				return HealthReport.disabled();
			}
		};
	}

}
