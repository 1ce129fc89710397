package com.acme.booking.sync;

import com.acme.booking.workflow.BookingTemporal;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import io.temporal.testing.TestWorkflowEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registrar against the test server's operator service (it lists nothing, so we start
 * workflows instead).
 */
class SearchAttributeRegistrarTest {

	private final TestWorkflowEnvironment temporal = TestWorkflowEnvironment.newInstance();

	@AfterEach
	void tearDown() {
		temporal.close();
	}

	private WorkflowStub startWithAllAttributes(String id) {
		WorkflowStub stub = temporal.getWorkflowClient()
			.newUntypedWorkflowStub("BookingWorkflow",
					WorkflowOptions.newBuilder()
						.setWorkflowId(id)
						.setTaskQueue("no-worker")
						.setTypedSearchAttributes(SearchAttributes.newBuilder()
							.set(BookingTemporal.BOOKING_ID, "b1")
							.set(BookingTemporal.BOOKING_STATUS, "CONFIRMED")
							.set(BookingTemporal.CALENDAR_SYNC, "MANUAL")
							.set(BookingTemporal.CRM_SYNC, "PENDING")
							.build())
						.build());
		stub.start("b1");
		return stub;
	}

	@Test
	void withoutRegistrationTheServerRefusesTheAttributes() {
		assertThatThrownBy(() -> startWithAllAttributes("unregistered")).isNotNull();
	}

	@Test
	void registersTheBookingAttributesAsKeywordsAndToleratesExistingOnes() {
		var registrar = new SearchAttributeRegistrar(temporal.getWorkflowServiceStubs(), temporal.getNamespace());

		registrar.register();
		assertThatNoException().isThrownBy(registrar::register);

		WorkflowStub stub = startWithAllAttributes("registered");
		assertThat(stub.describe().getTypedSearchAttributes().get(BookingTemporal.CALENDAR_SYNC)).isEqualTo("MANUAL");
	}

}
